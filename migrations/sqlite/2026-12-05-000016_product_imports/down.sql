DROP TABLE product_imports;
