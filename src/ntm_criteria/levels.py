"""The level a locality holds — standard, advanced, model — and whether it keeps it.

A commune meets the *standard* (đạt chuẩn) level when it meets every
criterion of the standard set; the *advanced* (nâng cao) level needs the
advanced set **and** the standard level; the *model* (kiểu mẫu) level needs
the model set **and** the advanced level.  :func:`decide_level` assesses a
locality against each set of a :class:`Ladder` and returns a
:class:`LevelDecision`: the highest level whose set is met and whose
precondition holds, the next level, and what stands between the two.

Whether a precondition means "met now" or "recognised by decision" is the
``precondition`` option (:class:`Precondition`).  Recognitions
(:class:`Recognition`, quyết định công nhận) are also checked for
*maintenance*: a locality recognised at a level whose current assessment no
longer meets that level's set is **at risk**, with the criteria that slipped.

The ladder is an argument, never a global: the catalog, a provincial overlay
or a test can supply the sets.

The names are defined in :mod:`ntm_criteria.analysis` (with progress, plans
and roll-ups); this module is their entry point for levels.

>>> from ntm_criteria import catalog, demo
>>> standard = demo.criterion_set()
>>> advanced = catalog.loads_set('''
... id = "demo-commune-advanced"
... extends = "demo-commune-standard"
... title_vi = "Bộ tiêu chí minh họa xã nông thôn mới nâng cao"
... title_en = "Illustrative advanced new rural commune set"
... level = "advanced"
... requires = "standard"
... [indicators."3.1"]
... requirement = { at_least = 95 }
... ''', parents=[standard])
>>> ladder = Ladder([standard, advanced])
>>> hua_la = demo.gazetteer().effective("03676")
>>> decision = decide_level(hua_la, demo.observations()["03676"],
...                         on=demo.ASSESSMENT_DATE, ladder=ladder)
>>> decision.level, decision.next_level
(<Level.STANDARD: 1>, <Level.ADVANCED: 2>)
>>> [c.number for c in decision.next_step.missing]
[3]
>>> print(decision.explain("en").splitlines()[0])
Hua La commune (2023-06-30): holds the standard level
"""

from ntm_criteria.analysis import (
    Ladder,
    LevelDecision,
    LevelStep,
    Maintenance,
    Precondition,
    Recognition,
    decide_level,
    held_phrase,
)

__all__ = [
    "Ladder",
    "LevelDecision",
    "LevelStep",
    "Maintenance",
    "Precondition",
    "Recognition",
    "decide_level",
    "held_phrase",
]
