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
