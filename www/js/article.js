// The example article's only script: fit each plan-compare iframe to the height it reports.
addEventListener('message', (event) => {
  const data = event.data;
  if (event.origin !== location.origin || data?.type !== 'plan-compare:height') return;
  for (const frame of document.querySelectorAll('iframe.plan-compare')) {
    if (frame.contentWindow === event.source && Number.isFinite(data.height)) {
      frame.style.height = `${Math.max(100, Math.min(20000, data.height))}px`;
    }
  }
});
