/* test_read.c - readers: text, JSON Lines (with bad lines), PETRARCH XML. */
#include "harness.h"
#include "internal.h"

static FILE *mem(const char *s) {
  FILE *f = tmpfile();
  fputs(s, f);
  rewind(f);
  return f;
}

int main(void) {
  parley_ctx *ctx = parley_ctx_new();
  parley_article a;
  /* JSON Lines: good, malformed, wrong type, missing text, numeric id */
  FILE *f = mem("{\"id\":\"a1\",\"date\":\"2024-10-24\",\"text\":\"One.\"}\n"
                "\n"
                "{not json}\n"
                "{\"id\":\"a3\",\"text\":42}\n"
                "[1,2]\n"
                "{\"id\":\"a5\"}\n"
                "{\"id\":7,\"source\":\"AP\",\"text\":\"Seven.\"}\n");
  parley_reader *r = parley_reader_new(ctx, f, "feed.jsonl", PARLEY_INPUT_AUTO,
                                       NULL);
  INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "first record");
  STR_EQ(a.id, "a1", "id");
  STR_EQ(a.date, "2024-10-24", "date");
  INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "malformed line");
  OK(strstr(parley_reader_errmsg(r), "feed.jsonl:3:") != NULL, "names line: %s",
     parley_reader_errmsg(r));
  INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "text not a string");
  OK(strstr(parley_reader_errmsg(r), "feed.jsonl:4:") != NULL, "%s",
     parley_reader_errmsg(r));
  INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "not an object");
  INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "no text");
  INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "numeric id");
  STR_EQ(a.id, "7", "numeric id as text");
  STR_EQ(a.source, "AP", "source");
  INT_EQ(parley_reader_next(r, &a), PARLEY_EOF, "end");
  parley_reader_free(r);
  fclose(f);

  /* JSON Lines through the fast reader: escapes, surrogates, numbers,
   * skipped nested values, NUL, invalid UTF-8; and the records it leaves
   * to jansson, whose messages must stay as they were */
  {
    static const char deep_open[] = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[";
    static const char deep_close[] = "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]";
    static const char in[] =
        "{\"id\":\"e1\",\"text\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t \\u00e9 "
        "\\uD83D\\uDE00 \\ud800 x \\udc00 y\",\"extra\":{\"k\":[1,2.5e3,"
        "true,false,null,{\"a\":\"b\"}],\"k2\":{}},\"n\":-0,\"e\":[]}\n"
        "{\"id\":-0,\"text\":\"t\"}\n"
        "{\"id\":123,\"date\":\"2024-10-24T09:30:00Z\",\"source\":null,"
        "\"title\":\"T\",\"url\":\"u\",\"text\":\"x\"}\n"
        "{\"text\":\"nul\\u0000in\"}\n"
        "{\"text\":\"Caf\xE9 ok\"}\n"
        "{\"a\":{\"k\":1,\"k\":2},\"text\":\"x\"}\n"
        "{\"text\":\"x\",\"text\":\"y\"}\n"
        "{\"id\":1.5,\"text\":\"x\"}\n"
        "{\"id\":\"a\",\"text\":\"x\"} x\n"
        "{\"text\":null}\n"
        "{\"\\u0000\":1,\"text\":\"x\"}\n"
        "  {\"id\" : \"sp\" ,\t\"text\" : \"ws ok\" }  \r\n"
        "{\"id\":12345678901234567890,\"text\":\"x\"}\n";
    f = tmpfile();
    fwrite(in, 1, sizeof in - 1, f);
    fprintf(f, "{\"id\":\"deep\",\"text\":\"x\",\"d\":%s%s}\n", deep_open,
            deep_close);
    rewind(f);
    r = parley_reader_new(ctx, f, "f.jsonl", PARLEY_INPUT_AUTO, NULL);
    INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "escapes");
    STR_EQ(a.id, "e1", "id e1");
    STR_EQ(a.text,
           "a\"b\\c/d\b\f\n\r\t \xC3\xA9 \xF0\x9F\x98\x80 \xEF\xBF\xBD x "
           "\xEF\xBF\xBD y",
           "escapes and surrogates decoded");
    INT_EQ(a.text_len, strlen(a.text), "text length");
    INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "-0 id");
    STR_EQ(a.id, "0", "-0 is 0 (as %%lld printed it)");
    INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "all fields");
    STR_EQ(a.id, "123", "integer id");
    STR_EQ(a.date, "2024-10-24", "timestamp gives its day");
    OK(a.source == NULL, "null source is absent");
    STR_EQ(a.title, "T", "title");
    STR_EQ(a.url, "u", "url");
    INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "\\u0000 in text");
    STR_EQ(a.id, "f.jsonl:4", "id from the line");
    INT_EQ(a.text_len, 6, "NUL kept in the text");
    OK(!memcmp(a.text, "nul\0in", 6), "text with NUL");
    INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "invalid UTF-8");
    STR_EQ(a.text, "Caf\xEF\xBF\xBD ok", "invalid byte -> U+FFFD");
    INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "nested duplicate");
    OK(strstr(parley_reader_errmsg(r), "f.jsonl:6: malformed JSON: duplicate "
                                       "object key") != NULL, "%s",
       parley_reader_errmsg(r));
    INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "duplicate text");
    OK(strstr(parley_reader_errmsg(r), "f.jsonl:7: malformed JSON: duplicate "
                                       "object key") != NULL, "%s",
       parley_reader_errmsg(r));
    INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "real id");
    OK(strstr(parley_reader_errmsg(r), "f.jsonl:8: field \"id\" is not a "
                                       "string") != NULL, "%s",
       parley_reader_errmsg(r));
    INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "trailing garbage");
    OK(strstr(parley_reader_errmsg(r), "f.jsonl:9: malformed JSON: end of "
                                       "file expected") != NULL, "%s",
       parley_reader_errmsg(r));
    INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "null text");
    OK(strstr(parley_reader_errmsg(r), "f.jsonl:10: field \"text\" is not a "
                                       "string") != NULL, "%s",
       parley_reader_errmsg(r));
    INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "NUL in a key");
    OK(strstr(parley_reader_errmsg(r), "f.jsonl:11: malformed JSON") != NULL,
       "%s", parley_reader_errmsg(r));
    INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "white space, CRLF");
    STR_EQ(a.id, "sp", "id sp");
    STR_EQ(a.text, "ws ok", "text ws");
    INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "huge integer");
    OK(strstr(parley_reader_errmsg(r), "f.jsonl:13: malformed JSON: too big "
                                       "integer") != NULL, "%s",
       parley_reader_errmsg(r));
    INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "deep value (jansson)");
    STR_EQ(a.id, "deep", "deep id");
    INT_EQ(parley_reader_next(r, &a), PARLEY_EOF, "end");
    parley_reader_free(r);
    fclose(f);
  }

  /* lines of every length around fgets' first chunk (8 KB), some with a
   * raw NUL byte, and a last line without a newline */
  {
    f = tmpfile();
    for (size_t len = 8180; len < 8200; len++) {
      fputs("{\"text\":\"", f);
      for (size_t i = 0; i < len; i++) fputc(i == 5 && len % 2 ? '\0' : 'a', f);
      fputs("\"}\n", f);
    }
    fputs("{\"id\":\"last\",\"text\":\"no newline\"}", f);
    rewind(f);
    r = parley_reader_new(ctx, f, "g.jsonl", PARLEY_INPUT_AUTO, NULL);
    for (size_t len = 8180; len < 8200; len++) {
      if (len % 2) { /* a raw NUL byte: malformed */
        INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "raw NUL: %zu", len);
        OK(strstr(parley_reader_errmsg(r), "malformed JSON") != NULL, "%s",
           parley_reader_errmsg(r));
      } else {
        INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "line of %zu", len);
        INT_EQ(a.text_len, len, "whole line read");
      }
    }
    INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "last line");
    STR_EQ(a.id, "last", "last id");
    INT_EQ(parley_reader_line(r), 21, "line number");
    INT_EQ(parley_reader_next(r, &a), PARLEY_EOF, "end");
    parley_reader_free(r);
    fclose(f);
  }

  /* plain text: id defaults to the file name; empty and binary refused */
  parley_article def = {.date = "2024-01-02"};
  f = mem("Hello world.\n");
  r = parley_reader_new(ctx, f, "dir/story.txt", PARLEY_INPUT_AUTO, &def);
  INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "text");
  STR_EQ(a.id, "story.txt", "id from file name");
  STR_EQ(a.date, "2024-01-02", "date default");
  INT_EQ(parley_reader_next(r, &a), PARLEY_EOF, "one article");
  parley_reader_free(r);
  fclose(f);
  f = mem("");
  r = parley_reader_new(ctx, f, "empty.txt", PARLEY_INPUT_TEXT, NULL);
  INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "empty file");
  OK(strstr(parley_reader_errmsg(r), "empty.txt: empty file") != NULL, "%s",
     parley_reader_errmsg(r));
  parley_reader_free(r);
  fclose(f);
  f = tmpfile();
  fwrite("\x7f" "ELF\0\0\0\0\0\0\0\0", 1, 12, f);
  rewind(f);
  r = parley_reader_new(ctx, f, "a.out", PARLEY_INPUT_TEXT, NULL);
  INT_EQ(parley_reader_next(r, &a), PARLEY_EFORMAT, "binary");
  OK(strstr(parley_reader_errmsg(r), "binary") != NULL, "%s",
     parley_reader_errmsg(r));
  parley_reader_free(r);
  fclose(f);

  /* PETRARCH XML, including an unclosed record and entities */
  f = mem("<Sentences>\n<!-- a comment <Sentence id=\"no\"> -->\n"
          "<Sentence date=\"20080801\" id=\"X-1\" sentence=\"true\">\n"
          "<EventCoding sourcecode=\"A\" targetcode=\"B\" eventcode=\"040\">\n"
          "<Text>\nArnor &amp; Gondor met.\n</Text>\n<Parse>(ROOT)</Parse>\n"
          "</Sentence>\n"
          "<Sentence id='X-2' date='20080802'>\n<Text>Unclosed record\n"
          "<Sentence date=\"20080803\" id=\"X-3\"><Text>Third.</Text></Sentence>\n"
          "</Sentences>\n");
  r = parley_reader_new(ctx, f, "suite.xml", PARLEY_INPUT_AUTO, NULL);
  INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "xml 1");
  STR_EQ(a.id, "X-1", "xml id");
  STR_EQ(a.date, "20080801", "xml date");
  OK(strstr(a.text, "Arnor & Gondor met.") != NULL, "entity decoded: %s", a.text);
  OK(strstr(a.text, "ROOT") == NULL, "parse not in text");
  INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "xml 2 unclosed");
  STR_EQ(a.id, "X-2", "xml id 2");
  OK(strstr(a.text, "Unclosed record") != NULL, "text 2: %s", a.text);
  INT_EQ(parley_reader_next(r, &a), PARLEY_OK, "xml 3");
  STR_EQ(a.id, "X-3", "xml id 3");
  STR_EQ(a.text, "Third.", "text 3");
  INT_EQ(parley_reader_next(r, &a), PARLEY_EOF, "xml end");
  parley_reader_free(r);
  fclose(f);
  parley_ctx_free(ctx);
  return h_done("test_read");
}
