"""The scan behind check-content, on small made-up code: what it follows, what it reports.

New code written by anyone is read the same way, so a lookup it cannot follow must come
back as a problem naming the file and line, never be skipped in silence.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from bot.content.message_check import check_messages
from bot.content.message_keys import CodeKeys, Use, scan
from bot.content.yaml_source import YamlSource


def _scan(tmp_path: Path, source: str, name: str = "bot/mod.py") -> CodeKeys:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return scan(tmp_path, ("bot", "handlers"), ())


def _names(code: CodeKeys, key: str) -> set[frozenset[str] | None]:
    return {use.names for use in code.by_key()[key]}


def test_literal_keys_and_their_keywords(tmp_path: Path) -> None:
    code = _scan(tmp_path, """
        def f(content, rng):
            a = content.text("zz_plain")
            b = content.text("zz_named", rng, name=1, rng=rng)
            text = content.text
            return text("zz_alias", when=2)
    """)
    assert code.problems == ()
    assert _names(code, "zz_plain") == {frozenset()}
    assert _names(code, "zz_named") == {frozenset({"name"})}
    assert _names(code, "zz_alias") == {frozenset({"when"})}
    assert code.by_key()["zz_plain"][0].where == "bot/mod.py:3"


def test_a_key_built_from_a_variable_must_be_declared(tmp_path: Path) -> None:
    code = _scan(tmp_path, """
        def f(content, kind):
            return content.text(f"zz_kind_{kind}")
    """)
    (problem,) = code.problems
    assert problem.startswith("bot/mod.py:3: ")
    assert "zz_kind_{...}" in problem and "bot/content/keys.py" in problem


def test_a_declared_family_counts_every_key(tmp_path: Path) -> None:
    code = _scan(tmp_path, """
        def f(content, side):
            return content.text(f"session_side_{side}")
    """)
    assert code.problems == ()
    assert {"session_side_left", "session_side_right"} <= set(code.by_key())
    assert code.by_key()["session_side_left"][0].family is not None


def test_helpers_pass_keys_and_values_on(tmp_path: Path) -> None:
    code = _scan(tmp_path, """
        def say(content, key, **values):
            return content.text(key, None, **values)

        def shout(content, key, **values):
            return say(content, key, loud=True, **values)

        def caller(content):
            return shout(content, "zz_shout", name="x") + say(content, "zz_say")
    """, "handlers/feature.py")
    assert code.problems == ()
    assert _names(code, "zz_shout") == {frozenset({"loud", "name"})}
    assert _names(code, "zz_say") == {frozenset()}
    assert code.by_key()["zz_shout"][0].where == "handlers/feature.py:9"


def test_a_literal_given_to_a_key_building_helper_must_be_declared(tmp_path: Path) -> None:
    code = _scan(tmp_path, """
        class Run:
            def text(self, key, **values):
                return self.content.text(key, None, **values)

            def ignore(self, reason):
                return self.text(f"session_ignored_{reason}")

            def go(self):
                self.ignore("stale")
                return self.ignore("brand_new")
    """)
    (problem,) = code.problems
    assert problem.startswith("bot/mod.py:11: ") and "'brand_new'" in problem
    assert "session_ignored_brand_new" in code.by_key()  # so a missing message is caught too


def test_branches_tables_returns_and_guards(tmp_path: Path) -> None:
    code = _scan(tmp_path, """
        REPLY = {"a": "zz_reply_a", "b": "zz_reply_b"}
        PAIRS = (("zz_pair_1", 1), ("zz_pair_2", 2))

        def status(x):
            if x:
                return "zz_status_on"
            return "zz_status_off"

        def trend():
            return "unknown" if 1 else "steady"

        def f(content, kind, choice):
            if kind == "walk":
                key = "zz_walk"
                return content.text(key, minutes=1)
            key = "zz_reps" if kind else "zz_reps_hold"
            out = [content.text(REPLY[choice]), content.text(status(kind))]
            out += [content.text(label) for label, _ in PAIRS]
            t = trend()
            out.append("x" if t == "unknown" else content.text(f"progress_trend_{t}"))
            return content.text(key, reps=2)
    """)
    assert code.problems == ()
    assert _names(code, "zz_walk") == {frozenset({"minutes"})}
    assert _names(code, "zz_reps") == _names(code, "zz_reps_hold") == {frozenset({"reps"})}
    for key in ("zz_reply_a", "zz_reply_b", "zz_status_on", "zz_status_off", "zz_pair_1",
                "zz_pair_2", "progress_trend_steady"):
        assert key in code.by_key(), key


def test_what_cannot_be_followed_is_reported(tmp_path: Path) -> None:
    code = _scan(tmp_path, """
        def f(content, obj, extra):
            content.text(obj.key)
            return content.text("zz_values", **extra)

        def g(ax):
            ax.text(0.5, 0.5, "a label")  # matplotlib, not a message
    """)
    assert any(p.startswith("bot/mod.py:3: ") and "obj.key" in p for p in code.problems)
    assert any(p.startswith("bot/mod.py:4: ") and "**extra" in p for p in code.problems)
    assert _names(code, "zz_values") == {None}
    assert "a label" not in code.by_key()


def test_unreadable_code_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    code = _scan(tmp_path, "def broken(:\n")
    assert code.problems and code.problems[0].startswith("bot/mod.py: cannot be read")


def _source(text: str) -> YamlSource:
    return YamlSource("content/messages/zz.yaml", text, {})


def test_a_placeholder_must_be_passed_at_every_place(tmp_path: Path) -> None:
    code = CodeKeys(
        (Use("zz_key", "handlers/a.py:1", frozenset({"name", "day"})),
         Use("zz_key", "handlers/b.py:2", frozenset({"name"}))),
        (),
    )
    source = _source("zz_key: 'Hi {name} on {day}'\n")
    errors, warnings = check_messages(
        tmp_path, {"zz_key": ("Hi {name} on {day}",)}, {"zz_key": source}, code
    )
    (error,) = errors
    assert (error.file, error.field) == ("content/messages/zz.yaml", "zz_key")
    assert error.message == (
        "the code does not fill {day}: handlers/b.py:2 passes only {name}"
    )
    assert warnings == []


def test_a_literal_brace_in_a_text_sent_without_values(tmp_path: Path) -> None:
    code = CodeKeys((Use("zz_key", "handlers/a.py:1", frozenset()),), ())
    errors, _ = check_messages(
        tmp_path, {"zz_key": ("Use {{braces}}",)}, {"zz_key": _source("")}, code
    )
    (error,) = errors
    assert "handlers/a.py:1 passes no values" in error.message
    assert "doubled" in error.message
