"""Reading the PWA's JavaScript for the catalogue tests: its string literals (not those
in comments or regular expressions), each with its line.

Small on purpose: enough of JavaScript's grammar to tell a string from a comment, a
regular expression or the code inside a template's `${...}`; not a parser.
"""

from __future__ import annotations

from dataclasses import dataclass

# After one of these a "/" starts a regular expression, not a division.
REGEX_AFTER_CHARS = set("(,=:[!&|?{};+-*%<>~^")
REGEX_AFTER_WORDS = {"return", "typeof", "case", "in", "of", "delete", "void", "throw", "new", "else", "do"}
# Where a template's `${...}` was, in the literal's text.
HOLE = "{…}"


@dataclass(frozen=True)
class Literal:
    line: int
    text: str  # a template's `${...}` parts are HOLE


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.at = 0
        self.line = 1
        self.found: list[Literal] = []

    def peek(self, ahead: int = 0) -> str:
        index = self.at + ahead
        return self.source[index] if index < len(self.source) else ""

    def take(self) -> str:
        char = self.source[self.at]
        self.at += 1
        if char == "\n":
            self.line += 1
        return char

    def code(self, until_brace: bool = False) -> None:
        """Read code to the end (or to the `}` closing a template's `${`)."""
        depth = 0
        last_char = ""
        last_word = ""
        while self.at < len(self.source):
            char = self.peek()
            if char in " \t\r\n":
                self.take()
                continue
            if char == "/" and self.peek(1) == "/":
                while self.at < len(self.source) and self.peek() != "\n":
                    self.take()
                continue
            if char == "/" and self.peek(1) == "*":
                self.take()
                self.take()
                while self.at < len(self.source) and not (self.peek() == "*" and self.peek(1) == "/"):
                    self.take()
                self.take()
                self.take()
                continue
            if char in "'\"":
                self.quoted(char)
                last_char, last_word = '"', ""
                continue
            if char == "`":
                self.template()
                last_char, last_word = "`", ""
                continue
            if char == "/" and (
                not last_char or last_char in REGEX_AFTER_CHARS or last_word in REGEX_AFTER_WORDS
            ):
                self.regex()
                last_char, last_word = "/", ""
                continue
            if char.isalnum() or char in "_$":
                word = ""
                while self.at < len(self.source) and (self.peek().isalnum() or self.peek() in "_$"):
                    word += self.take()
                last_char, last_word = "a", word
                continue
            if until_brace:
                if char == "{":
                    depth += 1
                elif char == "}":
                    if depth == 0:
                        self.take()
                        return
                    depth -= 1
            self.take()
            last_char, last_word = char, ""

    def quoted(self, quote: str) -> None:
        line = self.line
        self.take()
        text = ""
        while self.at < len(self.source) and self.peek() != quote:
            char = self.take()
            if char == "\\":
                char = self.take()
            text += char
        self.take()
        self.found.append(Literal(line, text))

    def template(self) -> None:
        line = self.line
        self.take()
        text = ""
        while self.at < len(self.source) and self.peek() != "`":
            if self.peek() == "$" and self.peek(1) == "{":
                self.take()
                self.take()
                self.code(until_brace=True)
                text += HOLE
                continue
            char = self.take()
            if char == "\\":
                char = self.take()
            text += char
        self.take()
        self.found.append(Literal(line, text))

    def regex(self) -> None:
        self.take()
        in_class = False
        while self.at < len(self.source):
            char = self.take()
            if char == "\\":
                self.take()
            elif char == "[":
                in_class = True
            elif char == "]":
                in_class = False
            elif char == "/" and not in_class:
                break
            elif char == "\n":
                break  # not a regex after all; go on from the next line
        while self.peek().isalpha():
            self.take()


def string_literals(source: str) -> list[Literal]:
    """Every string and template literal in `source`, in order."""
    reader = _Reader(source)
    reader.code()
    return reader.found
