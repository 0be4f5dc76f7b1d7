-- 支出功能分类科目: 类 (3 digits), 款 (5), 项 (7). Transactions post at the 项 level.
CREATE TABLE subject (
    code VARCHAR(7)   PRIMARY KEY CHECK (code ~ '^([0-9]{3}|[0-9]{5}|[0-9]{7})$'),
    name VARCHAR(200) NOT NULL
);

-- 部门预算支出经济分类: groups (3 digits) and codes (5 digits).
CREATE TABLE economic (
    code VARCHAR(5)   PRIMARY KEY CHECK (code ~ '^([0-9]{3}|[0-9]{5})$'),
    name VARCHAR(200) NOT NULL
);
