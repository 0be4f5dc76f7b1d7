"""SPEC §15: what the worked example's publication discloses beyond its tables, as the payments of its history carry it.

The seed report's 第三部分 says it in words only; these are its figures, put on payments whose dimensions the nine
公开表 do not show (the economic code of a 项目支出 payment appears in no table), so every table stays the published one:

- 说明十一 政府采购 2979.23 万元 = 货物 222.9 (of which 0.87 awarded to a 小微企业, the only 中小企业 award) + 工程 0 +
  服务 2756.33, split off the 运行维护经费 payment (hn23-L4p-pay): 31002 办公设备购置 for the goods, 30227 委托业务费 for
  the services. The report says its 公开 figures prevail over 附件1's 2718.37 (以决算公开信息为准).
- 说明十 培训费 6 万元: the basic 30216 payment of 1 万元 (职工培训, 26 人) and 5 万元 of the same project payment (全省交通行业
  通信信息中心主任工作会议暨培训, 100 人); 会议费 0.
- 说明七 公务接待: 2 批次 (来访团组), 15 人次, on the 30217 payment.
- 说明五（三） 年初预算 by 项: 2019999 年初预算 20 万元 and 2140199 2920.19 (together with the others the 3161.50 of
  附件2); derive.py's program, which sees only the tables, put 19 万元 of 2019999's into 2140199's appropriation and
  added them to 2019999 in the year. Moved back: hn23-L2 is appropriated 20 万元 (no 追加), hn23-L4p 19 万元 less at the
  start and as much more in its 年中追加 — every table, and the execution report's totals, stay what they were.

Run by derive.py on the history it writes; also runnable on its own: python3 disclosure.py rewrites hunan-2023.json.
"""
import json
import os

UNIT = "430001"
PROJECT_PAYMENT = "hn23-L4p-pay"
# (id, economic code, amount in 元, procurement, activity), taken off the project payment in this order
SPLITS = (
    ("hn23-L4p-pay-goods", "31002", 2220300, {"category": "GOODS", "award": "NONE"}, None),
    ("hn23-L4p-pay-goods-small", "31002", 8700, {"category": "GOODS", "award": "SMALL_MICRO"}, None),
    ("hn23-L4p-pay-services", "30227", 27563300, {"category": "SERVICES", "award": "NONE"}, None),
    ("hn23-L4p-pay-training", "30216", 50000, None, {"count": 1, "persons": 100}),
)
# 说明五（三）: 19 万元 of 年初预算 moved from 2140199 (hn23-L4p) to 2019999 (hn23-L2), in 元
INITIAL_MOVED = 190000
ACTIVITIES = {"hn23-pay-30217-2140199": {"count": 2, "persons": 15}, "hn23-pay-30216-2140199": {"count": 1, "persons": 26}}


def disclose(transactions):
    """The history with the project payment split as above (its rest renamed hn23-L4p-pay-rest) and the counts added."""
    result = []
    for transaction in transactions:
        if transaction["id"] == "hn23-L2-add":
            continue  # hn23-L2 is appropriated its 20 万元 at the start
        if transaction["id"] in ("hn23-L2", "hn23-L4p", "hn23-L4p-add"):
            moved = {"hn23-L2": INITIAL_MOVED, "hn23-L4p": -INITIAL_MOVED, "hn23-L4p-add": INITIAL_MOVED}[transaction["id"]]
            transaction = {**transaction, "amount": f"{int(round(float(transaction['amount']))) + moved}.00"}
        if transaction["id"] in ACTIVITIES:
            transaction = {**transaction, "activity": ACTIVITIES[transaction["id"]]}
        if transaction["id"] != PROJECT_PAYMENT:
            result.append(transaction)
            continue
        total = int(round(float(transaction["amount"]) * 100))
        for tid, economic, yuan, procurement, activity in SPLITS:
            split = {**transaction, "id": tid, "economic": economic, "amount": f"{yuan}.00"}
            if procurement:
                split["procurement"] = procurement
            if activity:
                split["activity"] = activity
            result.append(split)
            total -= yuan * 100
        if total <= 0:
            raise SystemExit("the project payment is smaller than what the report discloses of it")
        result.append({**transaction, "id": PROJECT_PAYMENT + "-rest", "amount": f"{total // 100}.{total % 100:02d}"})
    return result


if __name__ == "__main__":
    path = os.path.join(os.path.dirname(__file__), "..", "..", "standalone", "src", "main", "resources", "demo", "hunan-2023.json")
    with open(path, encoding="utf-8") as source:
        history = json.load(source)
    if any(transaction["id"] == PROJECT_PAYMENT + "-rest" for transaction in history["transactions"]):
        raise SystemExit("the history is disclosed already")
    history["transactions"] = disclose(history["transactions"])
    with open(path, "w", encoding="utf-8") as out:
        json.dump(history, out, ensure_ascii=False, indent=1)
    print(len(history["transactions"]), "transactions written to", os.path.normpath(path))
