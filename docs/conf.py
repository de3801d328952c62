"""Sphinx configuration for the ntm_criteria documentation."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

project = "ntm_criteria"
author = "ntm_criteria developers"
copyright = "2026, ntm_criteria developers"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "myst_parser",
    "catalog_pages",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_ext"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_default_options = {"members": True, "show-inheritance": False}
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_type_aliases = {
    "ValueSpec": "ntm_criteria.rules.ValueSpec",
    "Requirement": "ntm_criteria.rules.Requirement",
    "RuleItem": "ntm_criteria.rules.RuleItem",
    "Observed": "ntm_criteria.rules.Observed",
    "ObservedValue": "ntm_criteria.assessment.ObservedValue",
}
nitpicky = False
suppress_warnings = ["myst.xref_missing"]

intersphinx_mapping: dict[str, tuple[str, None]] = {}

html_theme = "furo"
html_title = "ntm_criteria"
