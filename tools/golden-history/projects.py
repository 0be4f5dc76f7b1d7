"""The worked example's projects as the seed's 绩效自评 附件3 prints them (附件3-1 … 3-4), not only its 附件2 totals.

derive.py's program sees only the nine 公开表 and the 附件2 totals, which name no project: it put the whole current-year
project budget of 2140199 on one line (运行维护经费) and every carry-in on 省级专项资金. This step attributes the same
amounts to the seed's projects, line by line and payment by payment, without changing any (fund, subject, kind,
origin, economic) sum — so every cell of 公开01–09表, the 附件2 totals and the publication's figures stay what they were
(年初预算 by 项 included: the amounts move between lines of the same 项).

附件3 (万元)                年初预算数 全年预算数 全年执行数
  运行维护经费 当年财政拨款    961.53   1023.53    861.81   (one 年中追加 of 62)
             上年结转资金      53.91     53.91     53.91
  业务工作经费 当年财政拨款    800.72    800.72    604.43   (its 其他资金 8.29 is derive.py's hn23-other already)
  省级专项资金 上年结转资金   1243.94   1181.94   1180.90
  其他事业发展基金 当年财政拨款 494.76    494.76    369.53   (with hn23-L2, 2019999: 20 of it, 12.75 paid)

The seed's 省级专项资金 loses 62 万元 of its carry-in in the year, but 附件2's 上年结转资金 does not (1320.38 both), and the
ledger cannot adjust a carried-in line: its carry-in is 1181.94 (the 全年预算数), the one figure of the table not met.

What 附件3 does not list — the 信息化建设项目 the 附件2 targets speak of (遥感, 边坡, 指挥中心 …) — is one project here,
信息化建设项目: the rest of each amount. Its current-year line starts with 1 万元 (every line starts with an appropriation)
and receives the year's 追加; the basic line of 2140199 starts 89.09 万元 lower and is topped up in the year as much
(the 年初预算 of 2140199 is that of its projects and its basic line together).

Run by derive.py after disclosure.py; also runnable on its own: python3 projects.py rewrites hunan-2023.json.
"""
import json
import os

IT = "信息化建设项目"
MAINTENANCE, BUSINESS, DEVELOPMENT, SPECIAL = "运行维护经费", "业务工作经费", "其他事业发展基金", "省级专项资金"


def yuan(wanyuan):
    return round(wanyuan * 10000)


def amount(transaction):
    return int(round(float(transaction["amount"])))


def money(value):
    return f"{value}.00"


def attribute(transactions):
    """The history with its projects attributed as above (raises if it is not the history derive.py writes)."""
    by_id = {transaction["id"]: transaction for transaction in transactions}
    if "hn23-L4p-it" in by_id:
        raise SystemExit("the projects are attributed already")
    result = [dict(transaction) for transaction in transactions]
    at = {transaction["id"]: index for index, transaction in enumerate(result)}

    def change(tid, **fields):
        result[at[tid]] = {**result[at[tid]], **fields}

    added_after = {}

    def add(after, transaction):
        placed = {"id": transaction["id"], "type": transaction["type"], "unit": by_id[after]["unit"], "year": 2023}
        added_after.setdefault(after, []).append({**placed, **transaction})

    # ---- carried in (OPENING_BALANCE lines, all GENERAL_BUDGET 项目支出) --------------------------------------
    open106, open109, open199 = (amount(by_id["hn23-open-" + s]) for s in ("2140106", "2140109", "2140199"))
    paid106, paid109, paid199 = (amount(by_id["hn23-pay-carried-" + s]) for s in ("2140106", "2140109", "2140199"))
    if paid109 != open109 or paid199 != open199:
        raise SystemExit("expected 2140109 and 2140199 carry-ins paid in full")
    special_budget, special_paid = yuan(1181.94), yuan(1180.90)
    maintenance_carried = yuan(53.91)
    # what is left unspent is all on 2140106: 省级专项资金's and the 信息化建设项目's
    it_carried_budget = open106 + open109 + open199 - special_budget - maintenance_carried
    it_carried_paid = paid106 + paid109 + paid199 - special_paid - maintenance_carried
    it_unspent = it_carried_budget - it_carried_paid
    it106 = it_unspent + 20000                      # the 信息化建设项目's part of 2140106: 2 万元 paid, the rest unspent
    special106 = open106 - it106
    special199 = special_budget - special106 - open109
    it199 = open199 - special199 - maintenance_carried
    if min(it106, special106, special199, it199) <= 0 or it106 + it199 != it_carried_budget:
        raise SystemExit("the carry-ins do not split as the seed's projects need")
    change("hn23-open-2140106", amount=money(special106))
    change("hn23-pay-carried-2140106", amount=money(paid106 - 20000))
    change("hn23-open-2140199", amount=money(special199))
    change("hn23-pay-carried-2140199", amount=money(special199))
    opening = {key: by_id["hn23-open-2140199"][key] for key in ("type", "date", "fund", "kind")}
    carried = {key: by_id["hn23-pay-carried-2140199"][key] for key in ("type", "date", "economic", "method")}
    for subject, project, suffix, line_amount, paid in (
            ("2140106", IT, "it", it106, 20000),
            ("2140199", MAINTENANCE, "maintenance", maintenance_carried, maintenance_carried),
            ("2140199", IT, "it", it199, it199)):
        line = f"hn23-open-{subject}-{suffix}"
        add("hn23-open-" + subject, {"id": line, **opening, "subject": subject, "project": project, "amount": money(line_amount)})
        add("hn23-pay-carried-" + subject, {"id": f"hn23-pay-carried-{subject}-{suffix}", **carried, "line": line,
                                            "amount": money(paid)})

    # ---- this year's 2140199 project appropriations (hn23-L4p, 运行维护经费, held them all) ----------------------
    l4p, l4p_add, l4b = amount(by_id["hn23-L4p"]), amount(by_id["hn23-L4p-add"]), amount(by_id["hn23-L4b"])
    development_l2, development_l2_paid = amount(by_id["hn23-L2"]), amount(by_id["hn23-L2-pay"])
    initial = {MAINTENANCE: yuan(961.53), BUSINESS: yuan(800.72), DEVELOPMENT: yuan(494.76) - development_l2, IT: 10000}
    added = {MAINTENANCE: yuan(62.00), BUSINESS: 0, DEVELOPMENT: 0}
    paid = {MAINTENANCE: yuan(861.81), BUSINESS: yuan(604.43), DEVELOPMENT: yuan(369.53) - development_l2_paid}
    basic_shift = sum(initial.values()) - l4p       # 年初 taken off the basic line of 2140199, given back in the year
    added[IT] = l4p + l4p_add - sum(initial.values()) - sum(added.values())
    project_payments = [t for t in transactions if t["type"] == "PAY" and t["line"] == "hn23-L4p"]
    paid[IT] = sum(amount(t) for t in project_payments) - sum(paid.values())
    if basic_shift <= 0 or min(added.values()) < 0 or paid[IT] > initial[IT] + added[IT] or l4b - basic_shift <= 0:
        raise SystemExit("the current-year project lines do not split as the seed's projects need")
    change("hn23-L4p", amount=money(initial[MAINTENANCE]))
    change("hn23-L4p-add", amount=money(added[MAINTENANCE]))
    change("hn23-L4b", amount=money(l4b - basic_shift))
    add("hn23-L4b", {"id": "hn23-L4b-add", "type": "ADJUST", "date": by_id["hn23-L4p-add"]["date"], "line": "hn23-L4b",
                     "amount": money(basic_shift), "reason": "年中追加"})
    appropriation = {key: by_id["hn23-L4p"][key] for key in ("type", "date", "fund", "subject", "kind")}
    for project, suffix in ((BUSINESS, "business"), (DEVELOPMENT, "development"), (IT, "it")):
        line = "hn23-L4p-" + suffix
        add("hn23-L4p-add", {"id": line, **appropriation, "project": project, "amount": money(initial[project])})
        if added[project]:
            add("hn23-L4p-add", {"id": line + "-add", "type": "ADJUST", "date": by_id["hn23-L4p-add"]["date"], "line": line,
                                 "amount": money(added[project]), "reason": "年中追加"})
    # the payments: the disclosed goods and training stay with 运行维护经费, the services go to the 信息化建设项目, and
    # the rest of the project payment is shared so that each project has paid what the seed says
    change("hn23-L4p-pay-services", line="hn23-L4p-it")
    rest = amount(by_id["hn23-L4p-pay-rest"])
    kept = sum(amount(t) for t in project_payments if t["id"] not in ("hn23-L4p-pay-services", "hn23-L4p-pay-rest"))
    shares = {MAINTENANCE: paid[MAINTENANCE] - kept, BUSINESS: paid[BUSINESS], DEVELOPMENT: paid[DEVELOPMENT],
              IT: paid[IT] - amount(by_id["hn23-L4p-pay-services"])}
    if min(shares.values()) <= 0 or sum(shares.values()) != rest:
        raise SystemExit("the project payment does not split as the seed's projects need")
    change("hn23-L4p-pay-rest", amount=money(shares[MAINTENANCE]))
    for project, suffix in ((BUSINESS, "business"), (DEVELOPMENT, "development"), (IT, "it")):
        add("hn23-L4p-pay-rest", {"id": f"hn23-L4p-{suffix}-pay", **{key: by_id["hn23-L4p-pay-rest"][key]
                                  for key in ("type", "date", "economic", "method")},
                                  "line": "hn23-L4p-" + suffix, "amount": money(shares[project])})

    ordered = []
    for transaction in result:
        ordered.append(transaction)
        ordered.extend(added_after.get(transaction["id"], []))
    return ordered


if __name__ == "__main__":
    path = os.path.join(os.path.dirname(__file__), "..", "..", "standalone", "src", "main", "resources", "demo", "hunan-2023.json")
    with open(path, encoding="utf-8") as source:
        history = json.load(source)
    history["transactions"] = attribute(history["transactions"])
    with open(path, "w", encoding="utf-8") as out:
        json.dump(history, out, ensure_ascii=False, indent=1)
    print(len(history["transactions"]), "transactions written to", os.path.normpath(path))
