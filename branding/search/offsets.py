"""Variable-length columns (stored fields) open without a Python loop over every document.

Whoosh (whoosh-reloaded 2.7) keeps a segment's stored fields in a variable-length column
whose reader, on opening, derives each document's offset from the lengths one document at
a time in Python: a new searcher after every edit paid that for the whole big segment
(about 17 ms per 30,000 documents) on its first page of results. ``install`` replaces that
step with a running sum done in C; the column's bytes are read as before.
"""

from __future__ import annotations

import struct
from array import array
from itertools import accumulate

from whoosh.columns import VarBytesColumn

ORIGINAL = VarBytesColumn.Reader._read_offsets_and_lengths


def read_offsets_and_lengths(self) -> None:
    """Read a column's length array (and its offsets, when written) from the column's end."""
    dbfile, count = self._dbfile, self._doccount
    end = self._basepos + self._length - 1  # the last byte names the lengths' type
    code, offsets = chr(dbfile.get_byte(end)), None
    if code == "X":  # offsets written too: then two type codes, offsets' last
        self.had_stored_offsets = True
        code, offsets_code = chr(dbfile.get_byte(end - 2)), chr(dbfile.get_byte(end - 1))
        end = end - 2 - count * struct.calcsize(offsets_code)
        offsets = dbfile.get_array(end, offsets_code, count)
    lengths = dbfile.get_array(end - count * struct.calcsize(code), code, count)
    if offsets is None:
        offsets = array("L", accumulate(lengths, initial=0))
        offsets.pop()  # the running sum's last value is where the data ends
    self._offsets, self._lengths = offsets, lengths


def install() -> None:
    """Have variable-length column readers use ``read_offsets_and_lengths``."""
    VarBytesColumn.Reader._read_offsets_and_lengths = read_offsets_and_lengths
