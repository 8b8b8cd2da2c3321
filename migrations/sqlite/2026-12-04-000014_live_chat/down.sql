DROP INDEX chat_conversations_user;
ALTER TABLE chat_messages DROP COLUMN event;
ALTER TABLE chat_conversations DROP COLUMN closed_at;
ALTER TABLE chat_conversations DROP COLUMN taken_at;
ALTER TABLE chat_conversations DROP COLUMN locale;
ALTER TABLE chat_conversations DROP COLUMN email;
ALTER TABLE chat_conversations DROP COLUMN name;
