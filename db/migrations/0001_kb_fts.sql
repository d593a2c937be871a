-- Full-text index of knowledge base articles. Text is segmented in JavaScript (Intl.Segmenter)
-- before it is written here, so Chinese words are separate tokens for the unicode61 tokenizer.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(`title`, `body`, `codes`, tokenize = 'unicode61 remove_diacritics 2');
