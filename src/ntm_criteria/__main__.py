"""``python -m ntm_criteria`` runs the ``ntm`` command."""

import sys

from ntm_criteria.cli import main

sys.exit(main())
