"""A manual's body cut into numbered sections at its main headings, for the table of contents."""

from dataclasses import dataclass, field


@dataclass
class Section:
    number: int  # 0 for the text before the first main heading
    title: str
    blocks: list = field(default_factory=list)
    subheadings: list = field(default_factory=list)  # (anchor, title) of level-3 headings

    @property
    def anchor(self):
        return f"section-{self.number}"


def split_sections(body):
    sections = [Section(0, "")]
    for block in body:
        if block.block_type == "heading" and block.value["level"] == "h2":
            sections.append(Section(len(sections), block.value["text"]))
            continue
        current = sections[-1]
        if block.block_type == "heading":
            anchor = f"{current.anchor}-{len(current.subheadings) + 1}"
            current.subheadings.append((anchor, block.value["text"]))
            block.anchor = anchor
        current.blocks.append(block)
    return sections if sections[0].blocks else sections[1:]
