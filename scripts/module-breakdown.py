#!/usr/bin/env python3
"""Bytes of a wasm module by crate and by our modules, from `twiggy top -f csv` of a module with
names kept (scripts/module-size.sh writes target/size/<which>/named.wasm). See docs/module-size.md.
    python3 scripts/module-breakdown.py target/size/small/named.wasm
"""
import collections, csv, io, re, subprocess, sys

rows = csv.DictReader(io.StringIO(subprocess.run(
    ["twiggy", "top", "-n", "1000000", "-f", "csv", sys.argv[1]], check=True, capture_output=True, text=True).stdout))
by_crate, ours, std_parts = collections.Counter(), collections.Counter(), collections.Counter()
for row in rows:
    name, size = re.sub(r"\[[0-9a-f]+\]", "", row["Name"]), int(row["ShallowSize"])
    if "names\" subsection" in name:
        continue  # the name section itself: absent from the shipped module
    if name.startswith("data segment"):
        crate = "(data segments: strings, tables)"
    elif "shim" in name:
        crate = "(exported functions: wasm-bindgen shims + what was inlined into them)"
    else:
        m = re.match(r"[<&]*(?:dyn |mut )*([A-Za-z_]\w*)(?:::|\s| as|$)", name)
        crate = m.group(1) if m else "(other)"
        if crate in ("str", "char", "f64", "f32", "u64", "i64", "u32", "i32", "usize", "u8", "u16"):
            crate = "core"  # inherent methods and trait impls of primitive types
    by_crate[crate] += size
    if crate in ("core", "alloc", "std"):
        std_parts["::".join(re.sub(r"<[^<>]*>", "", name.lstrip("<")).split("::")[:3])] += size
    if crate == "plan_compare":
        m = re.match(r"plan_compare::(\w+(?:::\w+)?)", name)
        ours[m.group(1) if m else name[:50]] += size
total = sum(by_crate.values())
print(f"{total:8d}  total (without the name section)\n\nby crate:")
for k, v in by_crate.most_common(25):
    print(f"{v:8d}  {100 * v / total:5.1f}%  {k}")
print("\ncore/alloc/std by part:")
for k, v in std_parts.most_common(12):
    print(f"{v:8d}  {k}")
print("\nplan_compare by module (what was not inlined into an export):")
for k, v in ours.most_common(15):
    print(f"{v:8d}  {k}")
