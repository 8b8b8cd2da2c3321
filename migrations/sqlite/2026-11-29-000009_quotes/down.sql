DROP INDEX quotes_status;
DROP INDEX quote_messages_quote;
DROP INDEX quote_lines_quote;
ALTER TABLE quote_messages DROP COLUMN kind;
