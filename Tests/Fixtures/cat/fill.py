"""Fills an XLIFF file the way a CAT tool does, with Translate Toolkit's own readers.

usage: fill.py FORMAT TODO.xlf MEMORY.xlf OUT.xlf
  FORMAT  xliff1 (translate.storage.xliff) or xliff2 (translate.storage.xliff2)
  TODO    the export to translate; MEMORY an export that has the translations
Every segment of TODO without a translation takes the target (an empty one too: a sentence the
translator merged with the one before) of the segment of MEMORY with the same id and the same
source; inline tags (<g>/<x>, <pc>/<ph>) are copied as a CAT tool copies them, and in XLIFF 2.0
the Markdown they refer to is added to the unit's <originalData>, as a tool must. Prints the
number of segments filled.
"""
import copy
import sys

from translate.storage import xliff, xliff2

fmt, todo_path, memory_path, out_path = sys.argv[1:5]
store = xliff.xlifffile if fmt == "xliff1" else xliff2.Xliff2File
todo = store.parsefile(todo_path)
memory = store.parsefile(memory_path)
translations = {u.getid(): u for u in memory.units if u.target is not None}
NS = "{urn:oasis:names:tc:xliff:document:2.0}"


def carry_data(target_unit, memory_unit):
    """Gives the copied <pc>/<ph> of an XLIFF 2.0 target data in the target's own unit."""
    src_unit = memory_unit.xmlelement.getparent()
    dst_unit = target_unit.xmlelement.getparent()
    data = {d.get("id"): d for d in src_unit.iter(NS + "data")}
    od = dst_unit.find(NS + "originalData")
    if od is None:
        od = dst_unit.makeelement(NS + "originalData", {})
        dst_unit.insert(0, od)
    have = {d.text or "": d.get("id") for d in od.iter(NS + "data")}
    target = target_unit.xmlelement.find(NS + "target")
    for el in target.iter():
        for attr in ("dataRef", "dataRefStart", "dataRefEnd"):
            ref = el.get(attr)
            if ref is None or ref not in data:
                continue
            text = data[ref].text or ""
            if text not in have:
                new = copy.deepcopy(data[ref])
                new.set("id", "m%d" % (len(have) + 1))
                new.tail = None
                od.append(new)
                have[text] = new.get("id")
            el.set(attr, have[text])


filled = 0
for unit in todo.units:
    if unit.target and unit.istranslated():
        continue
    m = translations.get(unit.getid())
    if m is None or str(m.source) != str(unit.source):
        continue
    unit.rich_target = m.rich_target
    if fmt == "xliff1":
        unit.marktranslated()
    else:
        unit.markfuzzy(False)
        carry_data(unit, m)
    filled += 1
with open(out_path, "wb") as f:
    f.write(bytes(todo))
print(filled)
