-- Loads docs/examples/customers.csv into an H2 table, for the gra --jdbc example of docs/cli.md:
--   ./powercx gra --jdbc "jdbc:h2:mem:;INIT=RUNSCRIPT FROM 'docs/examples/customers.sql'" --query "SELECT * FROM customers"
-- (run from the project root; H2's CSVREAD reads text, so every indicator is cast to a double; the column
-- names are quoted because H2 upper-cases unquoted names).
CREATE TABLE IF NOT EXISTS customers AS SELECT customer_id AS "customer_id",
    CAST(annual_kwh AS DOUBLE PRECISION) AS "annual_kwh",
    CAST(fee_revenue AS DOUBLE PRECISION) AS "fee_revenue",
    CAST(on_time_payment_rate AS DOUBLE PRECISION) AS "on_time_payment_rate",
    CAST(load_factor AS DOUBLE PRECISION) AS "load_factor",
    CAST(consumption_growth AS DOUBLE PRECISION) AS "consumption_growth",
    CAST(capacity_utilisation AS DOUBLE PRECISION) AS "capacity_utilisation",
    CAST(industry_prospect AS DOUBLE PRECISION) AS "industry_prospect"
  FROM CSVREAD('docs/examples/customers.csv');
