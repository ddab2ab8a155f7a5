import xml.etree.ElementTree as ET, io
doc = """<?xml version="1.0"?>
<catalog xmlns:x="urn:extra">
  <book id="b1" lang="en"><title>Dune</title><price currency="USD">9.99</price><x:note>classic</x:note></book>
  <book id="b2"><title>Emma</title><price currency="EUR">5.50</price></book>
  <magazine id="m1"><title>Wired</title></magazine>
</catalog>"""
root = ET.fromstring(doc)
print(root.tag, len(root), root[0].attrib, root[0].get("lang"), root[1].get("lang", "none"), [c.tag for c in root])
print([b.get("id") for b in root.findall("book")], root.find("book/title").text, root.findtext("magazine/title"), [t.text for t in root.iter("title")])
print([p.text for p in root.findall(".//price[@currency='EUR']")], root.find("{urn:extra}note") , root.find(".//x:note", {"x": "urn:extra"}).text, [e.tag for e in root.iterfind("*[title]")])
new = ET.SubElement(root, "book", id="b3"); ET.SubElement(new, "title").text = "New & <Improved>"; new.set("lang", "fr")
root.remove(root.find("magazine")); print(ET.tostring(new, encoding="unicode"), len(root))
e = ET.Element("r", {"a": "1"}); e.text = "t"; c = ET.SubElement(e, "c"); c.tail = "tail"; print(ET.tostring(e), ET.tostring(e, encoding="unicode", method="text"))
ET.indent(e); print(ET.tostring(e, encoding="unicode"))
tree = ET.ElementTree(ET.fromstring("<a><b>1</b><b>2</b></a>")); out = io.BytesIO(); tree.write(out, encoding="utf-8", xml_declaration=True); print(out.getvalue())
for ev, el in ET.iterparse(io.BytesIO(b"<r><i>1</i><i>2</i></r>"), events=("start", "end")): print(ev, el.tag, el.text)
pp = ET.XMLPullParser(["end"]); pp.feed("<x><y/>"); print([(ev, el.tag) for ev, el in pp.read_events()])
print(ET.tostring(ET.fromstring("<a xmlns='urn:d'><b/></a>")), ET.canonicalize("<a  z='1' b='2'><c/></a>"))
tb = ET.TreeBuilder(); tb.start("root", {}); tb.data("text"); tb.end("root"); print(ET.tostring(tb.close()))
try:
    ET.fromstring("<a><b></a>")
except ET.ParseError as err:
    print(type(err).__name__, err, err.position)
