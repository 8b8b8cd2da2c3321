-- Quotes (RFQ): each entry of a quote's thread says what happened — the request, an offer, a
-- counter-offer, acceptance, a decline, a withdrawal, the order — or is a plain message.
ALTER TABLE quote_messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'message';
CREATE INDEX quote_lines_quote ON quote_lines (quote_id);
CREATE INDEX quote_messages_quote ON quote_messages (quote_id, id);
CREATE INDEX quotes_status ON quotes (status, updated_at);
