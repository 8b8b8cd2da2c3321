-- Live chat: a customer (a guest gives a name and an e-mail address) starts a conversation,
-- waits for an agent, who takes it and answers; either side ends it. A conversation may be
-- linked to an order the customer showed they hold, and turned into an after-sales case.
ALTER TABLE chat_conversations ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE chat_conversations ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE chat_conversations ADD COLUMN locale TEXT NOT NULL DEFAULT 'sv';
ALTER TABLE chat_conversations ADD COLUMN taken_at TIMESTAMP;
ALTER TABLE chat_conversations ADD COLUMN closed_at TIMESTAMP;
CREATE INDEX chat_conversations_user ON chat_conversations (user_id, created_at);

-- A step (an agent joined, the chat ended, a case was opened) rather than a message: its code
-- in event, its detail in body.
ALTER TABLE chat_messages ADD COLUMN event TEXT;
