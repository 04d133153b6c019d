#!/usr/bin/env python3
"""Counts a SPDM-Responder-Validator test.log: per group the assertions passed and failed, and the
cases that recorded no assertion (not run: skipped by the sample's configuration or by a setup
that found the responder without the capability). Exit 1 on any failed assertion or a group
without one passed assertion."""
import re
import sys

groups, cases, order = {}, {}, []
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.match(r"test group (\d+) \((\S+)\) - pass: (\d+), fail: (\d+)", line)
    if m:
        groups[int(m[1])] = (m[2], int(m[3]), int(m[4]))
        continue
    m = re.match(r"\s+test case (\d+)\.(\d+) \((\S+)\) - (pass: (\d+), fail: (\d+)|skipped)", line)
    if m:
        key = (int(m[1]), int(m[2]))
        if key not in cases:
            order.append(key)
        passed = int(m[5]) if m[5] else 0
        failed = int(m[6]) if m[6] else 0
        cases[key] = (m[3], passed + failed > 0 or cases.get(key, ("", False))[1])
print(f"{'group':<42} {'pass':>6} {'fail':>5}  not run")
total_pass = total_fail = 0
bad = False
for g in sorted(groups):
    name, passed, failed = groups[g]
    idle = [f"{a}.{b}" for (a, b) in sorted(order) if a == g and not cases[(a, b)][1]]
    print(f"{g:>2} {name:<39} {passed:>6} {failed:>5}  {', '.join(idle) or '-'}")
    total_pass += passed
    total_fail += failed
    bad |= failed > 0 or passed == 0
print(f"{'total':<42} {total_pass:>6} {total_fail:>5}")
sys.exit(1 if bad else 0)
