"""Escalation by strike per group, and the like-with-like test of steeper escalation."""

from __future__ import annotations

import pytest

from app.analysis.estimates.escalation import escalation, escalation_tests
from app.analysis.frame import AuditFrame
from app.analysis.stats import fisher_2x2, wilson
from app.analysis.stratified import exact_stratified
from tests.analysis.estimates.estimates_frames import incident, make_frame

PHONE, SAFETY = "Telefoon weg", "Niemand in gevaar brengen"


def _small() -> AuditFrame:
    rows = [
        incident("ann", PHONE, 1, 1, group="2A", gender="f"),
        incident("bob", PHONE, 1, 1, group="2A", gender="m"),
        incident("ann", PHONE, 2, 3, group="2A", gender="f"),  # consequence (time-out)
        incident("bob", PHONE, 2, 2, group="2A", gender="m"),
        incident("cas", PHONE, 1, 3, group="2B"),  # gender unknown
        incident("cas", PHONE, 2, 3, group="2B"),
    ]
    return make_frame(rows, attributes=["gender"])


def test_points_overall_and_per_group() -> None:
    points = escalation(_small())
    got = {(p.dimension, p.subject, p.strike): (p.consequence.k, p.consequence.n) for p in points}
    assert got == {
        ("all", "all", 1): (1, 3),
        ("all", "all", 2): (2, 3),
        ("group", "2A", 1): (0, 2),
        ("group", "2A", 2): (1, 2),
        ("group", "2B", 1): (1, 1),
        ("group", "2B", 2): (1, 1),
        ("gender", "f", 1): (0, 1),
        ("gender", "f", 2): (1, 1),
        ("gender", "m", 1): (0, 1),
        ("gender", "m", 2): (0, 1),
        ("gender", "unknown", 1): (1, 1),
        ("gender", "unknown", 2): (1, 1),
    }
    assert points[0].dimension == "all" and points[0].consequence == wilson(1, 3)
    only_class = escalation(_small(), ["group"])
    assert {p.dimension for p in only_class} == {"all", "group"}
    assert {p.dimension for p in escalation(_small(), ["attr:gender"])} == {"all", "gender"}


def test_tests_use_the_exact_stratified_tables() -> None:
    tests = {(x.dimension, x.subject): x for x in escalation_tests(_small())}
    assert set(tests) == {("group", "2A"), ("group", "2B"), ("gender", "f"), ("gender", "m")}  # no 'unknown'
    two_a = tests[("group", "2A")]
    # Strike 2, phone: 2A 1 of 2 with a consequence, the rest (2B) 1 of 1.
    assert (two_a.n, two_a.consequences) == (2, 1)
    assert two_a.p_less == pytest.approx(2 / 3) and two_a.p == pytest.approx(1.0)
    assert two_a.expected == pytest.approx(4 / 3) and two_a.odds_ratio == 0.0
    two_b = tests[("group", "2B")]
    assert two_b.p_greater == pytest.approx(2 / 3) and two_b.odds_ratio == float("inf")


def test_planted_steeper_escalation_matches_fisher() -> None:
    rows = [incident(f"x{i}", PHONE, 1, 1, group="2X") for i in range(10)]
    rows += [incident(f"x{i}", PHONE, 2, 3 if i < 8 else 2, group="2X") for i in range(10)]
    rows += [incident(f"r{i}", PHONE, 1, 1, group="2R") for i in range(20)]
    rows += [incident(f"r{i}", PHONE, 2, 3 if i < 1 else 2, group="2R") for i in range(20)]
    tests = {x.subject: x for x in escalation_tests(make_frame(rows), ["group"])}
    steep = tests["2X"]
    fisher = fisher_2x2([[8, 2], [1, 19]])
    assert (steep.n, steep.consequences) == (10, 8)
    assert steep.p == pytest.approx(fisher.p, rel=1e-9)
    assert steep.odds_ratio == pytest.approx(fisher.odds_ratio, rel=1e-6)
    assert steep.p < 0.001 and steep.ci_low > 1
    assert tests["2R"].p == pytest.approx(steep.p, rel=1e-9) and tests["2R"].odds_ratio < 1


def test_mix_of_rules_is_not_steeper_escalation() -> None:
    # Both classes follow the ladder exactly; 2S breaks the safety rule (start 4) far more often, so its
    # crude share of consequences at strike 2 is much higher. Within rule and strike nothing differs.
    rows = [incident(f"s{i}", PHONE, 1, 1, group="2S") for i in range(8)]
    rows += [
        incident(f"s{i}", SAFETY if i < 6 else PHONE, 2, 5 if i < 6 else 2, group="2S") for i in range(8)
    ]
    rows += [incident(f"p{i}", PHONE, 1, 1, group="2P") for i in range(8)]
    rows += [
        incident(f"p{i}", SAFETY if i < 1 else PHONE, 2, 5 if i < 1 else 2, group="2P") for i in range(8)
    ]
    frame = make_frame(rows)
    crude = {p.subject: p.consequence.share for p in escalation(frame, ["group"]) if p.strike == 2}
    assert crude["2S"] - crude["2P"] > 0.6
    assert escalation_tests(frame, ["group"]) == ()  # every shared stratum answered alike: nothing to test


def test_min_strike_and_stratified_convolution() -> None:
    rows = [
        incident("a", PHONE, 1, 3, group="2A"),
        incident("b", PHONE, 1, 1, group="2A"),
        incident("c", PHONE, 1, 1, group="2B"),
        incident("d", PHONE, 1, 3, group="2B"),
        incident("a", SAFETY, 2, 5, group="2A"),
        incident("e", SAFETY, 2, 2, group="2B"),
    ]
    frame = make_frame(rows)
    tests = {x.subject: x for x in escalation_tests(frame, ["group"], min_strike=1)}
    expected = exact_stratified([[[1, 1], [1, 1]], [[1, 0], [0, 1]]])
    assert expected is not None
    assert tests["2A"].p == pytest.approx(expected.p) and tests["2A"].n == 3
    (only_strike_two, _) = escalation_tests(
        frame, ["group"]
    )  # default: from strike 2, table [[1, 0], [0, 1]]
    assert (only_strike_two.n, only_strike_two.consequences) == (1, 1)
    assert only_strike_two.p == pytest.approx(1.0) and only_strike_two.p_greater == pytest.approx(0.5)


def test_empty_and_missing() -> None:
    assert escalation(make_frame([])) == ()
    assert escalation_tests(make_frame([])) == ()
    frame = make_frame([incident("a", PHONE, 1, 3), incident("b", PHONE, 1, 1)])
    frame.incidents["consequence"] = frame.incidents["consequence"].astype(object)
    frame.incidents.loc[0, "consequence"] = None
    (point,) = escalation(frame, ["group"])[:1]
    assert (point.consequence.k, point.consequence.n) == (0, 1)
