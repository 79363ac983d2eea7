"""The standing tests of any plan, run from the plan's own repository:

    pytest --pyargs keikaku.plan_tests

They check the plan (``keikaku check``: no error), export it and validate the export
against its schema, and build its site with ``sphinx-build -nW``. The plan is the one
in the current folder (or a parent of it), or the folder ``KEIKAKU_PLAN_ROOT`` names.
A plan's own tests/ may add the tests about its own facts beside these; they may also
take these tests into a module of theirs with
``from keikaku.plan_tests.test_standing import *``.
"""
