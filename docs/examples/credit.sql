-- Loads docs/examples/credit.csv into an H2 table, for the credit score --jdbc example of docs/cli.md:
--   ./powercx credit score --model model.json --jdbc "jdbc:h2:mem:;INIT=RUNSCRIPT FROM 'docs/examples/credit.sql'" --query "SELECT * FROM credit"
-- (run from the project root; H2's CSVREAD reads text, so every indicator is cast to a double; the column
-- names are quoted because H2 upper-cases unquoted names).
CREATE TABLE IF NOT EXISTS credit AS SELECT customer_id AS "customer_id",
    CAST(on_time_payment_rate AS DOUBLE PRECISION) AS "on_time_payment_rate",
    CAST(arrears_count AS DOUBLE PRECISION) AS "arrears_count",
    CAST(arrears_amount AS DOUBLE PRECISION) AS "arrears_amount",
    CAST(asset_liability_ratio AS DOUBLE PRECISION) AS "asset_liability_ratio",
    CAST(current_ratio AS DOUBLE PRECISION) AS "current_ratio",
    CAST(social_credit_score AS DOUBLE PRECISION) AS "social_credit_score",
    CAST(defaulted AS DOUBLE PRECISION) AS "defaulted"
  FROM CSVREAD('docs/examples/credit.csv');
