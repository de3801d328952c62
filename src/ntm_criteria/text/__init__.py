"""Text for people, in Vietnamese or English: the message table and number formats.

All the library's labels and sentence templates come from one table of
messages kept as data (:func:`message`); numbers and quantities are written in
each language's style (``72,56`` in Vietnamese, ``72.56`` in English).

>>> from ntm_criteria.text import format_quantity, message
>>> format_quantity(41.5, "million_VND/person/year")
'41,5 triệu đồng/người/năm'
>>> message("lang.en", "vi")
'tiếng Anh'
"""

from ntm_criteria._messages import Lang, check_lang, message, message_keys, pick
from ntm_criteria.text._numbers import format_number, format_percent, format_quantity

__all__ = [
    "Lang",
    "check_lang",
    "format_number",
    "format_percent",
    "format_quantity",
    "message",
    "message_keys",
    "pick",
]
