"""Corrections to the structure tree that WeasyPrint 70 tags, made before the PDF is written.

``finish_tagging`` is WeasyPrint's ``finisher`` (``write_pdf(finisher=…)``): it runs on the
laid-out document and the ``pydyf`` PDF after the tags are built. It corrects what a screen
reader would otherwise meet, and what a PDF/UA-1 checker reports:

- a link annotation is described (/Contents) by its target (``index--about``, an address):
  here by the link's text, as a screen reader names the link;
- annotations are not flagged as printable (/F 4): here they are;
- the running header and the page numbers (page margin boxes) are marked content that no
  element of the structure tree holds: here they become /Artifact /Pagination, which readers skip;
- a list item's paragraphs (a "loose" Markdown list) stand directly in LI, and a nested list
  directly in the outer L: here every LI is (Lbl, LBody) and a nested list goes in the LBody
  of the item it belongs to, so that every list is L > LI > (Lbl, LBody).

It depends on how WeasyPrint 70 builds the tree (weasyprint/pdf/tags.py); tests/test_pdf.py
checks the result on the handbook's PDFs and on a page of Markdown lists, footnotes and terms.
"""

from __future__ import annotations

import re

import pydyf


def link_description(element) -> str:
    """What a link says, as a screen reader names it: its aria-label, else its text, else (for
    a link that is only a symbol, such as a footnote's "↩") its title, else its address."""
    text = " ".join("".join(element.itertext()).split())
    label = " ".join((element.get("aria-label") or "").split())
    title = " ".join((element.get("title") or "").split())
    if label:
        return label
    if re.search(r"\w", text):
        return text
    return title or text or element.get("href", "")


def _describe_links(box, link=None) -> None:
    """Each link annotation gets the text of the ``a`` it belongs to, and the Print flag."""
    if box.element is not None and getattr(box, "element_tag", None) == "a":
        link = box.element
    if box.link_annotation is not None:
        annotation = box.link_annotation
        annotation["Contents"] = pydyf.String(link_description(link if link is not None else box.element))
        annotation["F"] = 4  # Print: shown in print as on screen
    for child in box.all_children():
        _describe_links(child, link)


class _Tree:
    """The PDF's structure elements, reached from the structure tree root."""

    def __init__(self, pdf):
        self.pdf = pdf
        self.root = self.get(pdf.catalog["StructTreeRoot"])

    def get(self, reference):
        return self.pdf.objects[int(bytes(reference).split()[0])] if isinstance(reference, bytes) else reference

    def elements(self) -> list[pydyf.Dictionary]:
        """Every structure element in the tree, parents before their children."""
        found, seen, todo = [], set(), list(reversed(self.root["K"]))
        while todo:
            element = self.get(todo.pop())
            if isinstance(element, dict) and "S" in element and id(element) not in seen:
                seen.add(id(element))
                found.append(element)
                todo.extend(reversed([k for k in element.get("K", ()) if isinstance(k, bytes)]))
        return found

    def kind(self, reference) -> str | None:
        element = self.get(reference)
        return element.get("S") if isinstance(element, dict) else None

    def new(self, kind: str, parent, children: list) -> pydyf.Dictionary:
        element = pydyf.Dictionary({"Type": "/StructElem", "S": kind, "K": pydyf.Array(children),
                                    "P": parent.reference, "Pg": parent["Pg"]})
        self.pdf.add_object(element)
        for child in children:
            self.get(child)["P"] = element.reference
        return element


def _pagination_artifacts(tree: _Tree) -> None:
    """Marked content that no element of the tree holds (WeasyPrint's page margins: the running
    header and the page number) becomes /Artifact /Pagination."""
    reachable = {id(element) for element in tree.elements()}
    nums = tree.get(tree.root["ParentTree"])["Nums"]
    for page_number, reference in enumerate(tree.pdf.page_references):
        mapping = nums[nums.index(page_number) + 1]
        orphans = {mcid for mcid, ref in enumerate(mapping) if id(tree.get(ref)) not in reachable}
        if not orphans:
            continue
        operations = tree.get(tree.get(reference)["Contents"]).stream
        for index, operation in enumerate(operations):
            if (operation == b"BDC" and isinstance(operations[index - 1], dict)
                    and operations[index - 1].get("MCID") in orphans):
                operations[index - 2] = "/Artifact"
                operations[index - 1] = pydyf.Dictionary({"Type": "/Pagination"})
        for mcid in orphans:
            mapping[mcid] = "null"


def _body_of(tree: _Tree, item) -> pydyf.Dictionary:
    """The item's last LBody, made if it has none."""
    for reference in reversed(item["K"]):
        if tree.kind(reference) == "/LBody":
            return tree.get(reference)
    body = tree.new("/LBody", item, [])
    item["K"].append(body.reference)
    return body


def _list_structure(tree: _Tree) -> None:
    """Every L holds only LI (and a Caption), every LI only Lbl and LBody."""
    elements = tree.elements()
    for listing in (e for e in elements if e["S"] == "/L"):
        kept, item = [], None
        for reference in listing["K"]:
            kind = tree.kind(reference)
            if kind in ("/LI", "/Caption") or kind is None:
                kept.append(reference)
                item = tree.get(reference) if kind == "/LI" else item
                continue
            if item is None:  # content before any item: an item of its own
                item = tree.new("/LI", listing, [])
                kept.append(item.reference)
            body = _body_of(tree, item)
            body["K"].append(reference)  # a nested list: in the body of the item before it
            tree.get(reference)["P"] = body.reference
        listing["K"] = pydyf.Array(kept)
    for item in (e for e in tree.elements() if e["S"] == "/LI"):
        kept, body = [], None
        for reference in item["K"]:
            kind = tree.kind(reference)
            if kind == "/Lbl" or kind is None:
                kept.append(reference)
                body = None
            elif kind == "/LBody":
                kept.append(reference)
                body = tree.get(reference)
            else:  # a paragraph of a loose list item: in the item's body
                if body is None:
                    body = tree.new("/LBody", item, [])
                    kept.append(body.reference)
                body["K"].append(reference)
                tree.get(reference)["P"] = body.reference
        item["K"] = pydyf.Array(kept)


def finish_tagging(document, pdf) -> None:
    """WeasyPrint's ``finisher``: after the structure tree is built, before the PDF is written."""
    for page in document.pages:
        _describe_links(page._page_box)
    tree = _Tree(pdf)
    _pagination_artifacts(tree)
    _list_structure(tree)
