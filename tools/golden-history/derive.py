#!/usr/bin/python3
"""
Derives a transaction history for the worked example (湖南省交通运输厅科技信息中心, 2023) whose reports equal
the published 部门决算 tables cell by cell in 万元.

The published cells are each rounded on their own, so their sums drift (尾数误差); exact amounts that
reproduce every printed cell at once must be chosen jointly. Each printed cell v (万元) becomes the
constraint v*10000 - 50 <= exact amount in 元 <= v*10000 + 49 (half-up rounding), and an integer
program (PuLP + CBC, Debian packages python3-pulp and coinor-cbc) finds whole-元 amounts satisfying all of
them. The result is written to standalone/src/main/resources/demo/hunan-2023.json, which the golden test and
the launcher's demo loader post. Run it only to re-derive that file:  /usr/bin/python3 derive.py
"""
import json
import os
import pulp

m = pulp.LpProblem("hunan2023", pulp.LpMinimize)
V = {}


def var(name, low=0, high=None):
    V[name] = pulp.LpVariable(name, lowBound=low, upBound=high, cat="Integer")
    return V[name]


DEVIATIONS = []


def cell(expr, wanyuan, label):
    yuan = round(wanyuan * 10000)
    m.addConstraint(expr >= yuan - 50, label + "_lo")
    m.addConstraint(expr <= yuan + 49, label + "_hi")
    # and as close to the printed value as the other cells allow: tails only where the tables force them
    deviation = pulp.LpVariable("d_" + label, lowBound=0)
    m.addConstraint(deviation >= expr - yuan, label + "_dev_up")
    m.addConstraint(deviation >= yuan - expr, label + "_dev_down")
    DEVIATIONS.append(deviation)


def rate(executed, budget, percent, label):
    # round_half_up(100 * executed / budget, 2) == percent  <=>  (percent - 0.005) <= 100 e / b < percent + 0.005
    lo = round((percent - 0.005) * 1000)
    hi = round((percent + 0.005) * 1000)
    m.addConstraint(100000 * executed >= lo * budget, label + "_lo")
    m.addConstraint(100000 * executed <= hi * budget - 1, label + "_hi")


# current-year fiscal lines (GENERAL_BUDGET): initial appropriation a, mid-year addition j
LINES = {"L1": ("2010499", "BASIC"), "L2": ("2019999", "PROJECT"), "L3": ("2080505", "BASIC"),
         "L4b": ("2140199", "BASIC"), "L4p": ("2140199", "PROJECT"), "L5": ("2210201", "BASIC")}
a = {k: var("a_" + k, 1) for k in LINES}
j = {k: var("j_" + k, 0) for k in LINES}
income = {k: a[k] + j[k] for k in LINES}
# carried from 2022 (OPENING_BALANCE, fiscal lines) and what was paid from them
o = {s: var("o_" + s, 1) for s in ("2140106", "2140109", "2140199")}
e = {s: var("e_" + s, 0) for s in o}
# non-fiscal: other income received, reserve used, a line of OTHER money (initial nI, addition nJ) and its spending
r, u, nI, nJ, nS = var("r", 1), var("u", 1), var("nI", 1), var("nJ", 0), var("nS", 1)
# project spending from the current fiscal project lines
p2, p4 = var("p_L2", 1), var("p_L4p", 1)
# basic spending by economic code (T06) and subject; 30108 and 30113 go to their own subjects
T06 = {"30101": 171.96, "30102": 26.90, "30103": 42.69, "30106": 60.65, "30107": 210.82, "30108": 64.57,
       "30109": 32.29, "30110": 31.08, "30112": 10.82, "30113": 81.89, "30199": 23.52, "30302": 12.08,
       "30305": 0.90, "30307": 20.18, "30309": 4.00, "30399": 10.57, "30201": 8.00, "30202": 1.92, "30206": 30.00,
       "30207": 2.16, "30211": 15.00, "30216": 1.00, "30217": 0.33, "30226": 11.00, "30228": 8.00, "30229": 9.86,
       "30231": 0.85, "30239": 22.31, "30299": 30.00}
SUBJECT_OF = {"30108": ["2080505"], "30113": ["2210201"]}
x = {}
for code in T06:
    for subject in SUBJECT_OF.get(code, ["2010499", "2140199"]):
        x[code, subject] = var(f"x_{code}_{subject}", 0)


def basic(subject):
    return pulp.lpSum(v for (c, s), v in x.items() if s == subject)


def code_sum(prefix):
    return pulp.lpSum(v for (c, s), v in x.items() if c.startswith(prefix))


B = pulp.lpSum(x.values())
S1, S3, S4b, S5 = basic("2010499"), basic("2080505"), basic("2140199"), basic("2210201")
O = pulp.lpSum(o.values())
E = pulp.lpSum(e.values())
If = pulp.lpSum(income.values())
A = pulp.lpSum(a.values())
proj214_gb = e["2140106"] + e["2140109"] + p4 + e["2140199"]
spend_gb = B + p2 + proj214_gb
spend = spend_gb + nS

# budget control: no line pays more than it has
m += S1 <= income["L1"]
m += p2 <= income["L2"]
m += S3 <= income["L3"]
m += S4b <= income["L4b"]
m += p4 <= income["L4p"]
m += S5 <= income["L5"]
for s in o:
    m += e[s] <= o[s]
m += nS <= nI + nJ
m += nI <= 49                     # prints as 0.00: the published 其他资金 initial budget is blank
for k in ("L1", "L3", "L4b", "L5"):
    m += j[k] == 0                # basic lines get their whole budget at the start of the year
for k in LINES:
    m += a[k] >= 10000            # every line starts the year with at least 1 万元

# 公开01表
cell(If, 7905.95, "t01_1"); cell(r, 0.07, "t01_8"); cell(If + r, 7906.02, "t01_27"); cell(u, 8.29, "t01_28")
cell(O, 1320.38, "t01_29"); cell(If + r + u + O, 9234.69, "t01_31")
cell(S1 + p2, 40.37, "t01_32"); cell(S3, 64.57, "t01_39"); cell(S4b + proj214_gb + nS, 7752.58, "t01_44")
cell(S5, 81.89, "t01_50"); cell(spend, 7939.42, "t01_58"); cell(O + If + r + u - spend, 1295.27, "t01_60")
cell(spend + (O + If + r + u - spend), 9234.69, "t01_62")
# 公开02表
cell(income["L1"] + income["L2"], 94.85, "t02_201"); cell(income["L1"], 74.85, "t02_20104")
cell(income["L2"], 20.00, "t02_20199"); cell(income["L3"], 64.57, "t02_208")
cell(income["L4b"] + income["L4p"] + r, 7664.71, "t02_214"); cell(income["L4b"] + income["L4p"], 7664.64, "t02_214f")
cell(income["L5"], 81.89, "t02_221")
# 公开03表
cell(B, 945.35, "t03_basic"); cell(p2 + proj214_gb + nS, 6994.06, "t03_project")
cell(S1 + p2, 40.37, "t03_201"); cell(S1, 27.63, "t03_20104"); cell(p2, 12.75, "t03_20199")
cell(S4b + proj214_gb + nS, 7752.58, "t03_214"); cell(S4b, 771.27, "t03_214b"); cell(proj214_gb + nS, 6981.32, "t03_214p")
cell(e["2140106"], 170.98, "t03_2140106"); cell(e["2140109"], 509.37, "t03_2140109")
cell(S4b + p4 + e["2140199"] + nS, 7072.23, "t03_2140199"); cell(p4 + e["2140199"] + nS, 6300.97, "t03_2140199p")
# 公开04表
cell(If + O, 9226.33, "t04_32"); cell(S4b + proj214_gb, 7744.29, "t04_214"); cell(spend_gb, 7931.13, "t04_59")
cell(O + If - spend_gb, 1295.21, "t04_60")
# 公开05表
cell(proj214_gb + p2, 6985.77, "t05_project"); cell(proj214_gb, 6973.03, "t05_214p")
cell(S4b + p4 + e["2140199"], 7063.94, "t05_2140199"); cell(p4 + e["2140199"], 6292.68, "t05_2140199p")
# 公开06表
for code, value in T06.items():
    cell(pulp.lpSum(v for (c, s), v in x.items() if c == code), value, "t06_" + code)
cell(code_sum("301"), 757.19, "t06_301"); cell(code_sum("303"), 47.73, "t06_303"); cell(code_sum("302"), 140.43, "t06_302")
cell(code_sum("301") + code_sum("303"), 804.92, "t06_personnel")
# 公开09表 决算数 (the 30217 / 30231 payments are all fiscal)
cell(code_sum("30231") + code_sum("30217"), 1.17, "t09_total")
# 预算执行 TOTAL rows
cell(A + O + nI, 4481.88, "ex_all_initial"); cell(If + O + nI + nJ, 9234.62, "ex_all_full")
cell(A, 3161.50, "ex_cur_initial"); cell(B + p2 + p4, 6612.11, "ex_cur_executed"); cell(E, 1319.02, "ex_car_executed")
cell(nI + nJ, 8.29, "ex_other_full"); cell(nS, 8.29, "ex_other_executed")
rate(spend, If + O + nI + nJ, 85.97, "ex_all_rate"); rate(B + p2 + p4, If, 83.63, "ex_cur_rate")
rate(E, O, 99.90, "ex_car_rate"); rate(nS, nI + nJ, 100.00, "ex_other_rate")

# 2010499 basic spending comes from few economic codes: penalise every yuan put there
m += pulp.lpSum(DEVIATIONS) + 0.001 * pulp.lpSum(v for (c, s), v in x.items() if s == "2010499")
status = m.solve(pulp.COIN_CMD(msg=False, timeLimit=120))
print(pulp.LpStatus[status])
if pulp.LpStatus[status] != "Optimal":
    raise SystemExit(1)
value = {name: int(round(v.value())) for name, v in V.items()}


# ---- the history, as transactions the ledger accepts ------------------------------------------------------
def yuan(amount):
    return f"{amount}.00"


UNIT = "430001"
PROJECT_OF = {"L2": "其他事业发展基金", "L4p": "运行维护经费"}
transactions = []


def post(transaction_type, tid, date, **fields):
    transactions.append({"id": tid, "type": transaction_type, "unit": UNIT, "year": 2023, "date": date, **fields})


for category, limit in (("ABROAD", 0), ("VEHICLE_PURCHASE", 0), ("VEHICLE_OPERATION", 36000), ("RECEPTION", 30000)):
    post("SET_LIMIT", "hn23-limit-" + category.lower(), "2023-01-01", category=category, amount=yuan(limit))
for subject in ("2140106", "2140109", "2140199"):
    post("OPENING_BALANCE", "hn23-open-" + subject, "2023-01-01", fund="GENERAL_BUDGET", subject=subject,
         kind="PROJECT", project="省级专项资金", amount=yuan(value["o_" + subject]))
for line, (subject, kind) in LINES.items():
    fields = {"fund": "GENERAL_BUDGET", "subject": subject, "kind": kind, "amount": yuan(value["a_" + line])}
    if kind == "PROJECT":
        fields["project"] = PROJECT_OF[line]
    post("APPROPRIATE", "hn23-" + line, "2023-01-10", **fields)
    if value["j_" + line]:
        post("ADJUST", "hn23-" + line + "-add", "2023-06-30", line="hn23-" + line, amount=yuan(value["j_" + line]),
             reason="年中追加")
post("APPROPRIATE", "hn23-other", "2023-03-01", fund="OTHER", subject="2140199", kind="PROJECT", project="业务工作经费",
     amount=yuan(value["nI"]))
post("ADJUST", "hn23-other-add", "2023-03-01", line="hn23-other", amount=yuan(value["nJ"]), reason="使用自有资金")
post("USE_RESERVE", "hn23-reserve", "2023-03-01", fund="OTHER", subject="2140199", amount=yuan(value["u"]))
post("RECEIVE", "hn23-interest", "2023-12-20", fund="OTHER", subject="2140199", amount=yuan(value["r"]))
LINE_OF_SUBJECT = {"2010499": "hn23-L1", "2080505": "hn23-L3", "2140199": "hn23-L4b", "2210201": "hn23-L5"}
for (code, subject), variable in sorted(x.items()):
    if value[variable.name]:
        post("PAY", f"hn23-pay-{code}-{subject}", "2023-11-30", line=LINE_OF_SUBJECT[subject], economic=code,
             amount=yuan(value[variable.name]), method="DIRECT")
for line, amount in (("hn23-L2", value["p_L2"]), ("hn23-L4p", value["p_L4p"])):
    post("PAY", line + "-pay", "2023-11-30", line=line, economic="30227", amount=yuan(amount), method="DIRECT")
for subject in o:
    post("PAY", "hn23-pay-carried-" + subject, "2023-09-30", line="hn23-open-" + subject, economic="30227",
         amount=yuan(value["e_" + subject]), method="DIRECT")
post("PAY", "hn23-pay-other", "2023-11-30", line="hn23-other", economic="30227", amount=yuan(value["nS"]), method="DIRECT")

# SPEC §15: what the publication discloses beyond the tables (政府采购, counts), on payments no table tells apart
from disclosure import disclose
transactions = disclose(transactions)
# the seed's 附件3 projects, line by line, on the same sums (projects.py)
from projects import attribute
transactions = attribute(transactions)

history = {"unit": {"code": UNIT, "name": "湖南省交通运输厅科技信息中心"}, "transactions": transactions}
target = os.path.join(os.path.dirname(__file__), "..", "..", "standalone", "src", "main", "resources", "demo", "hunan-2023.json")
os.makedirs(os.path.dirname(target), exist_ok=True)
with open(target, "w", encoding="utf-8") as out:
    json.dump(history, out, ensure_ascii=False, indent=1)
print(len(transactions), "transactions written to", os.path.normpath(target))
