/*
 * sentence.c - stage 3: group tokens into sentences.
 *
 * Input: doc->toks.  Output: doc->sents and tok->sent, PL_TF_SSTART,
 * PL_TF_QOPEN/QCLOSE on quote tokens.
 * A sentence ends:
 *   - after '.', '!', '?' (or "...") plus any closing quotes and brackets
 *     that follow it, when the next token can start a sentence (not lower
 *     case, not a continuation punctuation mark);
 *   - after an abbreviation token that can end a sentence (an initialism
 *     like "U.S.") when the next token is a typical sentence opener ("The",
 *     "He", "But"...), an opening quote or on a new line; after other
 *     abbreviations (titles, months: "Gen.", "Jan.") only before an
 *     opener; single initials ("W.") never end one;
 *   - at a blank line, or at a line break before a list bullet, or (unless
 *     the text is hard-wrapped, see hard_wrapped) at a line break before
 *     an upper-case word, a quote or a digit when the line did not end
 *     with a comma or a joining word (one paragraph per line, as scraped
 *     news has);
 *   - when the sentence reaches ctx->lim.max_sent_tokens or
 *     PL_MAX_SENT_BYTES (flagged PL_SF_CUT).
 * Quote direction: a '"' is an opener when it follows a space, an opening
 * bracket or the start, and no quotation is open; a closer when a
 * quotation is open and it follows a word or punctuation.  Curly quotes in
 * the original text decide when present.  A stray closer that opens
 * nothing (a broken fragment like `" he said.`) starts its own sentence.
 */
#include "internal.h"
#include <ctype.h>

static const char *const openers[] = {
    "the", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in",
    "on", "a", "an", "this", "that", "these", "those", "his", "her", "their",
    "its", "our", "there", "as", "at", "after", "before", "while", "when",
    "if", "since", "however", "meanwhile", "officials", "critics", "on",
    "last", "earlier", "later", "some", "many", "both", "for", "with", NULL};

static int is_opener(const char *lower) {
  for (const char *const *o = openers; *o; o++)
    if (!strcmp(lower, *o)) return 1;
  return 0;
}

/* Abbreviations that may end a sentence: dotted initialisms of 2+ letters
 * (U.S., U.N., U.K.) and the common "etc.", "Inc.", "Co.", "Ltd." */
static int abbr_can_end(const pl_token *t) {
  const char *l = t->lower;
  if (!strcmp(l, "etc.") || !strcmp(l, "inc.") || !strcmp(l, "co.") ||
      !strcmp(l, "ltd.") || !strcmp(l, "corp.") || !strcmp(l, "jr.") ||
      !strcmp(l, "sr."))
    return 1;
  int dots = 0;
  for (const char *p = l; *p; p++) dots += *p == '.';
  return dots >= 2;
}

/* Original-text curly quote direction at a normalised offset: 1 open,
 * 2 close, 0 unknown. */
static int curly_dir(const parley_doc *doc, uint32_t off) {
  uint32_t o = doc->omap[off];
  if (o + 3 > doc->orig_len) return 0;
  const unsigned char *s = (const unsigned char *)doc->orig + o;
  if (s[0] == 0xE2 && s[1] == 0x80) {
    if (s[2] == 0x9C || s[2] == 0x98) return 1; /* left quote marks */
    if (s[2] == 0x9D || s[2] == 0x99) return 2; /* right quote marks */
  }
  return 0;
}

/* Line breaks between token b and the token before it: token.c
 * flagged b with PL_TF_NL (one or more) and PL_TF_BLANK (two or more)
 * while skipping the space between them, so no byte is rescanned. */
static int newline_before(const pl_token *b, int *blank) {
  *blank = (b->flags & PL_TF_BLANK) != 0;
  return (b->flags & PL_TF_NL) != 0;
}

/* Whether the text is hard-wrapped (fixed-width lines, as wire copy and
 * e-mail often are) rather than one paragraph per line.  A line "looks
 * wrapped" when it is at least 40 bytes long, the next line is not blank,
 * and it does not end like a sentence; the text is wrapped when such
 * lines are at least a third of its non-blank lines.  Then a single line
 * break is only a space, and paragraphs end at blank lines. */
static int hard_wrapped(const parley_doc *doc) {
  const char *t = doc->text;
  size_t n = doc->text_len, i = 0, lines = 0, wrapped = 0;
  while (i < n) {
    const char *nl = memchr(t + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - t) : n;
    size_t a = i, b = e; /* trim */
    while (a < b && (t[a] == ' ')) a++;
    while (b > a && (t[b - 1] == ' ')) b--;
    if (b > a) {
      lines++;
      int next_blank = 1;
      for (size_t k = e + 1; k < n && t[k] != '\n'; k++)
        if (t[k] != ' ') { next_blank = 0; break; }
      if (e >= n) next_blank = 1;
      if (b - a >= 40 && !next_blank && !strchr(".!?:\"')]", t[b - 1]))
        wrapped++;
    }
    i = e + 1;
  }
  return wrapped > 0 && wrapped * 3 >= lines;
}

/* Marks quote directions over the whole text (quotes can span sentences). */
static void mark_quotes(parley_doc *doc, int wrapped) {
  int open = 0;
  for (uint32_t i = 0; i < doc->toks.n; i++) {
    pl_token *t = &doc->toks.v[i];
    if (!(t->flags & PL_TF_QUOTE) || t->len != 1) continue;
    if (doc->text[t->off] == '\'') continue; /* single quotes: rare, skip */
    int dir = curly_dir(doc, t->off);
    int after_space = (t->flags & PL_TF_SPACE) || i == 0;
    int before_space = i + 1 >= doc->toks.n ||
                       (doc->toks.v[i + 1].flags & PL_TF_SPACE);
    int prev_nl = 0, blank = 0;
    if (i > 0) prev_nl = newline_before(t, &blank);
    /* quotes do not survive paragraph breaks */
    if (prev_nl && (!wrapped || blank)) open = 0;
    if (dir == 0) dir = open ? 2 : (after_space && !before_space ? 1 : 2);
    if (dir == 1 && open && !after_space) dir = 2;
    if (dir == 2 && !open && after_space && !before_space) dir = 1;
    if (dir == 1) {
      t->flags |= PL_TF_QOPEN;
      open = 1;
    } else if (open) {
      t->flags |= PL_TF_QCLOSE;
      open = 0;
    } /* else: a stray closer, neither flag */
  }
}

static int can_start(const pl_token *t) {
  if (t->flags & (PL_TF_CAP | PL_TF_NUM)) return 1;
  if (t->flags & PL_TF_QOPEN) return 1;
  if (t->flags & PL_TF_QUOTE) return 1;
  if (t->len == 1 && (t->lower[0] == '(' || t->lower[0] == '[')) return 1;
  if ((unsigned char)t->lower[0] >= 0x80) return 1;
  return 0;
}

/* A list bullet at the start of a line ("- ", "* ", "\xE2\x80\xA2 "). */
static int is_bullet(const pl_token *t) {
  return (t->flags & PL_TF_PUNCT) &&
         (!strcmp(t->lower, "-") || !strcmp(t->lower, "*") ||
          !strcmp(t->lower, "--") || !strcmp(t->lower, "\xE2\x80\xA2"));
}

/* Words after which a single line break is a wrapped line, not the end of a
 * headline or paragraph: "talks between Israel and / Hamas resumed". */
static const char *const joiners[] = {
    "and", "or", "but", "nor", "of", "the", "a", "an", "to", "in", "on",
    "at", "by", "for", "from", "with", "that", "as", "into", "than", "its",
    "their", "his", "her", "our", "said", "says", NULL};

static int continues_line(const pl_token *prev) {
  if (prev->flags & PL_TF_PUNCT)
    return prev->lower[0] == ',' || prev->lower[0] == ';';
  if (!(prev->flags & PL_TF_WORD) || (prev->flags & PL_TF_CAP)) return 0;
  for (const char *const *j = joiners; *j; j++)
    if (!strcmp(prev->lower, *j)) return 1;
  return 0;
}

/* A full stop between an ordinary lower-case word and a lower-case word
 * is still a boundary: machine-rewritten news leaves such fragments.
 * Capitalised short words before the stop (Calif., Ariz.) are taken as
 * unknown abbreviations and do not split. */
static int broken_after(const pl_token *prev, const pl_token *next) {
  if (!(prev->flags & PL_TF_WORD) || (prev->flags & PL_TF_CAP)) return 0;
  if (prev->len < 3 || !(next->flags & PL_TF_WORD)) return 0;
  if (!(next->flags & PL_TF_SPACE)) return 0; /* "a.b": not a boundary */
  return 1;
}

static parley_rc close_sent(parley_doc *doc, uint32_t a, uint32_t b,
                            int cut) {
  if (b <= a) return PARLEY_OK;
  pl_sentence *s = pl_vec_push(&doc->arena, &doc->sents);
  if (!s) return PARLEY_ENOMEM;
  uint32_t idx = doc->sents.n - 1;
  pl_token *first = &doc->toks.v[a], *last = &doc->toks.v[b - 1];
  s->tok0 = a;
  s->ntok = b - a;
  s->off = first->off;
  s->len = last->off + last->len - first->off;
  s->flags = cut ? PL_SF_CUT : 0;
  first->flags |= PL_TF_SSTART;
  for (uint32_t i = a; i < b; i++) doc->toks.v[i].sent = idx;
  return PARLEY_OK;
}

parley_rc pl_sentence_run(parley_doc *doc) {
  int wrapped = hard_wrapped(doc);
  mark_quotes(doc, wrapped);
  uint32_t n = doc->toks.n, start = 0;
  size_t maxtok = doc->ctx->lim.max_sent_tokens;
  pl_token *tv = doc->toks.v;
  for (uint32_t i = 0; i < n; i++) {
    /* fast path: a word or number with no line break before it can end
     * its sentence only by a cut (the checks below would all fail), so
     * a run of them is skipped in a tight loop that writes nothing */
    {
      const uint32_t off0 = tv[start].off;
      while (i < n &&
             !(tv[i].flags &
               (PL_TF_NL | PL_TF_BLANK | PL_TF_PUNCT | PL_TF_ABBR)) &&
             i + 1 - start < maxtok &&
             tv[i].off + tv[i].len - off0 < PL_MAX_SENT_BYTES)
        i++;
      if (i >= n) break;
    }
    pl_token *t = &tv[i];
    uint32_t end = 0; /* exclusive end of the sentence when > 0 */
    int cut = 0;
    /* line breaks before this token */
    if (i > start) {
      int blank = 0;
      int nl = newline_before(t, &blank);
      if (blank || (nl && is_bullet(t)) ||
          (nl && !wrapped && can_start(t) && !continues_line(&tv[i - 1]))) {
        parley_rc rc = close_sent(doc, start, i, 0);
        if (rc) return rc;
        start = i;
      }
    }
    /* a stray closing quote after a finished sentence starts a new one */
    int term = 0;
    if (t->flags & PL_TF_PUNCT) {
      char c = t->lower[0];
      term = (c == '.' || c == '!' || c == '?');
    } else if ((t->flags & PL_TF_ABBR) && i + 1 < n) {
      const pl_token *nx = &tv[i + 1];
      int blank = 0;
      int opener = (nx->flags & PL_TF_CAP) && is_opener(nx->lower);
      if (abbr_can_end(t) && (newline_before(nx, &blank) ||
                              opener || (nx->flags & PL_TF_QOPEN)))
        term = 1;
      /* any other abbreviation but a single initial ("W.") ends one
       * before a typical opener: "fell in Jan. But ...", "Gen. The" is
       * never a name */
      else if (opener && t->len > 2)
        term = 1;
    }
    if (term) {
      uint32_t j = i + 1;
      /* absorb closing quotes/brackets and more terminators (a bounded
       * look-ahead, so that long runs of marks cost linear time), never
       * past the token limit */
      while (j < n && j < i + 16 && j - start < maxtok) {
        const pl_token *x = &tv[j];
        if (x->flags & PL_TF_QCLOSE) { j++; continue; }
        /* a closing single quote: glued to the mark, then a space */
        if ((x->flags & PL_TF_QUOTE) && x->lower[0] == '\'' &&
            !(x->flags & PL_TF_SPACE) &&
            (j + 1 >= n || (tv[j + 1].flags & PL_TF_SPACE))) {
          j++;
          continue;
        }
        if ((x->flags & PL_TF_PUNCT) && !(x->flags & PL_TF_SPACE) &&
            (x->lower[0] == ')' || x->lower[0] == ']' ||
             x->lower[0] == '.' || x->lower[0] == '!' || x->lower[0] == '?')) {
          j++;
          continue;
        }
        break;
      }
      if (j >= n || can_start(&tv[j])) end = j;
      else if ((t->flags & PL_TF_PUNCT) && t->len == 1 && t->lower[0] == '.' &&
               i > start && broken_after(&tv[i - 1], &tv[j])) {
        end = j; /* "a plan. announced its..." : a broken fragment */
      }
      if (end) {
        i = end - 1;
      } else if (j > i + 1) {
        /* not an end: the absorbed marks would give the same answer, so
         * skip them (a run of "!!!!" stays linear), within the cut limit */
        uint32_t lim = start + (uint32_t)maxtok - 1;
        i = j - 1 < lim ? j - 1 : (lim > i ? lim : i);
        t = &tv[i];
      }
    }
    if (!end && i + 1 - start >= maxtok) { end = i + 1; cut = 1; }
    if (!end && t->off + t->len - tv[start].off >= PL_MAX_SENT_BYTES) {
      end = i + 1;
      cut = 1;
    }
    if (end) {
      parley_rc rc = close_sent(doc, start, end, cut);
      if (rc) return rc;
      start = end;
    }
  }
  return close_sent(doc, start, n, 0);
}
