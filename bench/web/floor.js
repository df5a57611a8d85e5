// The floor of a cold start (bench/web/floor.html): a one-line module that fetches one small file.
export const first = async () => (await fetch('/pkg/data/manifest.json')).json();
