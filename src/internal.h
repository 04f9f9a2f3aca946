/*
 * internal.h - private structures shared by the stages of libparley.
 *
 * The pipeline (doc.c drives it from a table):
 *   normalize -> sentence -> token -> tag -> actors -> syntax -> events
 *   -> quotes -> counts -> dates -> places -> coref
 * Every stage has the signature  parley_rc pl_<stage>_run(pl_doc *doc):
 * it reads the arrays earlier stages left in the document and appends its
 * own.  No stage calls a later one and no stage does I/O.  All per-document
 * memory comes from doc->arena, reset between documents.
 *
 * Offsets: doc->text is the normalised text (UTF-8, NFC, straight quotes,
 * plain spaces).  Every span {off,len} points into doc->text;
 * doc->omap[i] gives the byte offset in the original article of normalised
 * byte i (omap has text_len+1 entries, the last one = original length).
 */
#ifndef PL_INTERNAL_H
#define PL_INTERNAL_H

#include "parley.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- limits ---- */
#define PL_DEFAULT_MAX_DOC_BYTES ((size_t)4 << 20)
#define PL_DEFAULT_MAX_SENT_TOKENS 160
#define PL_MAX_SENT_BYTES 4000   /* a "sentence" longer than this is cut */
#define PL_MAX_TOKEN_BYTES 256   /* longer runs are cut into pieces */
#define PL_MAX_FIELD_BYTES 4096  /* id/date/source/url/title */

/* ---- arena.c: per-document bump allocator ---- */
typedef struct pl_arena_block pl_arena_block;
typedef struct pl_arena {
  pl_arena_block *head;  /* current block (list of blocks, newest first) */
  size_t used;           /* bytes used in head */
  size_t total;          /* bytes allocated from the system, all blocks */
  int failed;            /* sticky: an allocation failed */
} pl_arena;

void pl_arena_init(pl_arena *a);
void *pl_alloc(pl_arena *a, size_t n);          /* 16-aligned, NULL on OOM */
void *pl_calloc(pl_arena *a, size_t n, size_t size);
char *pl_strndup(pl_arena *a, const char *s, size_t n);
void pl_arena_reset(pl_arena *a);  /* frees all but the first block */
void pl_arena_free(pl_arena *a);

/* Growable array in an arena: PL_VEC(pl_token) toks; then
 * pl_vec_push(&doc->arena, &doc->toks) returns a pointer to a new zeroed
 * slot or NULL on OOM. */
#define PL_VEC(T) struct { T *v; uint32_t n, cap; }
void *pl_vec_grow(pl_arena *a, void **v, uint32_t *n, uint32_t *cap,
                  size_t elem);
/* Fast path inline (room left: zero the slot and count it); the slow
 * path (grow) is the out-of-line pl_vec_grow. */
static inline void *pl_vec_push_(pl_arena *a, void **v, uint32_t *n,
                                 uint32_t *cap, size_t elem) {
  if (*n < *cap) {
    void *slot = (unsigned char *)*v + (size_t)*n * elem;
    memset(slot, 0, elem);
    (*n)++;
    return slot;
  }
  return pl_vec_grow(a, v, n, cap, elem);
}
#define pl_vec_push(arena, vec)                                            \
  ((__typeof__((vec)->v))pl_vec_push_((arena), (void **)&(vec)->v,         \
                                      &(vec)->n, &(vec)->cap,              \
                                      sizeof(*(vec)->v)))

/* ---- buf.c: growable byte buffer (malloc'd), with a size cap ---- */
typedef struct pl_buf {
  char *p;       /* NUL-terminated when non-NULL */
  size_t len, cap;
  size_t max;    /* 0 = no cap */
  int failed;    /* sticky: OOM or cap exceeded */
} pl_buf;

void pl_buf_init(pl_buf *b, size_t max);
void pl_buf_free(pl_buf *b);
void pl_buf_clear(pl_buf *b);
int pl_buf_add(pl_buf *b, const char *s, size_t n);  /* 0 ok, -1 failed */
int pl_buf_adds(pl_buf *b, const char *s);
int pl_buf_addc(pl_buf *b, char c);
int pl_buf_addf(pl_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends s as a JSON string literal with quotes, escaping as needed;
 * invalid UTF-8 is written as U+FFFD. */
int pl_buf_json_str(pl_buf *b, const char *s, size_t n);
/* Makes room for n more bytes (plus the NUL) and returns where they go
 * (b->p + b->len); the caller writes them and adds to b->len.  NULL once
 * the buffer has failed. */
char *pl_buf_room(pl_buf *b, size_t n);
/* Appends v in decimal, as printf's "%u" / "%d" write it. */
int pl_buf_addu(pl_buf *b, uint64_t v);
int pl_buf_addi(pl_buf *b, int64_t v);
/* 1 when one of the 8 bytes of w (loaded with memcpy) needs attention
 * inside a JSON string: >= 0x80, < 0x20, '"' or '\\' (the classic "has
 * a zero byte" bit trick, exact for "any"). */
static inline int pl_json_word_special(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
  uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
  uint64_t t = ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) |
               ((bs - ones) & ~bs) | w;
  return (t & high) != 0;
}
/* v as "%.<d>f" (d = 0..4) and as "%.15g" write it, the same bytes. */
int pl_buf_addfix(pl_buf *b, double v, int d);
int pl_buf_addg15(pl_buf *b, double v);

/* ---- utf8.c ---- */
/* Decodes one code point at s[0..n); returns its length (>=1) and sets *cp,
 * or returns 1 with *cp = 0xFFFD for an invalid/overlong/surrogate byte. */
size_t pl_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp,
                      int *bad);
size_t pl_utf8_encode(uint32_t cp, char out[4]);
int pl_utf8_valid(const char *s, size_t n);

/* ---- dates ---- */
enum { PL_PREC_NONE = 0, PL_PREC_YEAR, PL_PREC_MONTH, PL_PREC_WEEK,
       PL_PREC_DAY };
typedef struct pl_date {
  int16_t y;      /* 0 = unknown */
  int8_t m, d;    /* 1-based; 0 when the precision does not reach them */
  uint8_t prec;   /* PL_PREC_* */
} pl_date;
/* Parses "YYYY-MM-DD" or "YYYYMMDD" (also "YYMMDD" when yy_ok).  Returns
 * 0 and fills *d, or -1 when malformed or not a real calendar day. */
int pl_date_parse(const char *s, size_t n, pl_date *d);
int pl_date_valid(int y, int m, int d);
long pl_date_days(int y, int m, int d);   /* days since 1970-01-01 */
void pl_date_from_days(long days, pl_date *d);
int pl_date_weekday(int y, int m, int d); /* 0 = Monday .. 6 = Sunday */
/* Writes "YYYY-MM-DD" (or shorter by precision) into out[11]. */
void pl_date_format(const pl_date *d, char out[11]);

/* dates.c: a date expression found in the text ("on Sunday", "last week",
 * "Oct. 7, 2023", "since October 2023").  date is resolved with the tense
 * dates.c detects around the expression; alt is the resolution under the
 * other tense (equal to date when tense does not matter). */
enum pl_dxflag { PL_DX_RELATIVE = 1, /* needs the article date */
                 PL_DX_FUTURE = 2,   /* own clause reads as future */
                 PL_DX_SINCE = 4,    /* "since X": a period start */
                 PL_DX_TENSED = 8,   /* resolution depends on tense */
                 PL_DX_NOYEAR = 16 }; /* month-day stated without a year */
typedef struct pl_datex {
  uint32_t sent, tok, ntok; /* tokens covered (absolute indexes) */
  pl_date date;             /* resolution (prec NONE: unresolved) */
  pl_date alt;              /* resolution under the opposite tense */
  uint16_t flags;           /* PL_DX_* */
} pl_datex;

/* ---- tokens and tags ---- */
enum pl_tokflag {
  PL_TF_WORD = 1 << 0,    /* letters (may contain digits, -, ', .) */
  PL_TF_NUM = 1 << 1,     /* a number: 42,847  1.5  1.5m  2023 */
  PL_TF_PUNCT = 1 << 2,   /* punctuation */
  PL_TF_CAP = 1 << 3,     /* first letter upper case */
  PL_TF_ALLCAP = 1 << 4,  /* all letters upper case (>= 2 letters) */
  PL_TF_QUOTE = 1 << 5,   /* a quotation mark token (" or ') */
  PL_TF_SPACE = 1 << 6,   /* whitespace precedes the token */
  PL_TF_POSS = 1 << 7,    /* possessive marker token ('s or ') */
  PL_TF_QOPEN = 1 << 8,   /* quote token that opens a quotation */
  PL_TF_QCLOSE = 1 << 9,  /* quote token that closes a quotation */
  PL_TF_ABBR = 1 << 10,   /* abbreviation with a period (U.S., Gen.) */
  PL_TF_SSTART = 1 << 11, /* first token of its sentence */
  PL_TF_URL = 1 << 12,    /* web address, e-mail or domain name */
  PL_TF_NL = 1 << 13,     /* token.c: a line break precedes the token */
  PL_TF_BLANK = 1 << 14   /* token.c: two or more line breaks precede it */
};

/* Front-stage word bits (pl_token.fw): token.c looks each token's forms up
 * once, in one table built from the lists below, and stores which lists
 * hold its lower-case form (lists with on_key 0) or its key (on_key 1),
 * so the dates and places stages test a bit instead of probing a word set
 * per token.  Each bit is exact membership in the owning stage's list(s). */
enum pl_fwbit {
  PL_FW_MONTH = 1 << 0,   /* key: month name or abbreviation (dates.c) */
  PL_FW_WDAY = 1 << 1,    /* key: weekday name (dates.c) */
  PL_FW_DEICTIC = 1 << 2, /* key: today, last, next, weekend... (dates.c) */
  PL_FW_AGO = 1 << 3,     /* key: "ago" (dates.c) */
  PL_FW_FUT = 1 << 4,     /* lower: future auxiliary or "expected"-type
                             verb (dates.c future_marker) */
  PL_FW_BE = 1 << 5,      /* lower: be been being (dates.c past_verb) */
  PL_FW_IRR = 1 << 6,     /* lower: irregular past form (dates.c) */
  PL_FW_DIR = 1 << 7,     /* key: direction word (places.c) */
  PL_FW_AL = 1 << 8,      /* key: al-/el- prefix (places.c) */
  PL_FW_LOCP = 1 << 9,    /* key: locative preposition (places.c) */
  PL_FW_PSKIP = 1 << 10,  /* key: word loc_prep skips (places.c) */
  PL_FW_DIGIT = 1 << 11,  /* the token starts with an ASCII digit (its
                             key does too), set for every token */
  PL_FW_AGO2 = 1 << 12    /* the token two on has PL_FW_AGO (it may be in
                             the next sentence) */
};
typedef struct pl_fwlist {
  const char *const *words; /* NULL-terminated static list; NULL ends */
  uint16_t bit;             /* PL_FW_* */
  uint8_t on_key;           /* 1: matched against the key, 0: lower */
} pl_fwlist;
extern const pl_fwlist pl_dates_fwlists[];  /* dates.c */
extern const pl_fwlist pl_places_fwlists[]; /* places.c */

/* Penn-style part-of-speech tags (tag.c). */
enum pl_tag {
  PL_T_UNK = 0, PL_T_NN, PL_T_NNS, PL_T_NNP, PL_T_NNPS, PL_T_PRP,
  PL_T_PRPS, PL_T_VB, PL_T_VBD, PL_T_VBG, PL_T_VBN, PL_T_VBP, PL_T_VBZ,
  PL_T_MD, PL_T_JJ, PL_T_JJR, PL_T_JJS, PL_T_RB, PL_T_RBR, PL_T_RBS,
  PL_T_DT, PL_T_PDT, PL_T_IN, PL_T_TO, PL_T_CC, PL_T_CD, PL_T_WDT,
  PL_T_WP, PL_T_WPS, PL_T_WRB, PL_T_EX, PL_T_RP, PL_T_POS, PL_T_UH,
  PL_T_FW, PL_T_SYM, PL_T_PUNCT, PL_T_QUOTE, PL_T__N
};
const char *pl_tag_name(int tag);
#define PL_IS_VERB(t) ((t) >= PL_T_VB && (t) <= PL_T_VBZ)
#define PL_IS_NOUN(t) ((t) >= PL_T_NN && (t) <= PL_T_NNPS)

typedef struct pl_token {
  uint32_t off, len;   /* span in doc->text */
  const char *lower;   /* lower-cased surface, NUL-terminated (arena) */
  const char *key;     /* match key: lower-cased, '.' and '-' removed */
  const char *lemma;   /* lemma (set by tag.c; lower if unknown) */
  uint16_t flags;      /* PL_TF_* */
  uint8_t tag;         /* PL_T_* */
  uint8_t chunk;       /* syntax.c: chunk role */
  uint32_t sent;       /* sentence index */
  int32_t ment;        /* actors.c: mention covering this token, or -1 */
  uint16_t syn;        /* syntax.c: PL_SY_* */
  uint32_t swc;        /* syntax.c: closed-class bits of lower (PL_SW_*) */
  int32_t vg;          /* syntax.c: verb group (doc->vgs) or -1 */
  /* Interned hashes (PL_FNV32 of the string, computed once so lookups in
   * the lexicon, word sets and dictionaries never rehash or strlen):
   * hlow of lower and hkey of key (token.c), hlem of lemma (tag.c). */
  uint32_t hlow, hkey, hlem;
  uint32_t xw;         /* token.c: pl_xw classes, looked up once */
  uint16_t fw;         /* token.c: PL_FW_* bits, looked up with xw */
} pl_token;

/* 32-bit FNV-1a, the hash every word table keys on (lexicon, word sets,
 * actor and verb dictionaries), so a token's hash serves them all. */
#define PL_FNV32_BASIS 2166136261u
#define PL_FNV32_PRIME 16777619u
static inline uint32_t pl_fnv32(const char *s, size_t n) {
  uint32_t h = PL_FNV32_BASIS;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * PL_FNV32_PRIME;
  return h;
}
static inline uint32_t pl_fnv32z(const char *s) { /* NUL-terminated */
  uint32_t h = PL_FNV32_BASIS;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * PL_FNV32_PRIME;
  return h;
}

/* syntax.c: token chunk roles (pl_token.chunk) and flags (pl_token.syn). */
enum pl_chunk { PL_CH_O = 0, PL_CH_NP, PL_CH_VG, PL_CH_PP };
enum pl_synflag {
  PL_SY_NPSTART = 1,  /* first token of a noun-phrase chunk */
  PL_SY_ASIDE = 2,    /* inside a comma/paren aside (appositive, relative) */
  PL_SY_CONJ = 4,     /* "and"/","/"or" joining two actor NPs (compound) */
  PL_SY_COMP = 8,     /* complementizer / subordinator opening a clause */
  PL_SY_REL = 16,     /* relative pronoun (who, which, that) */
  PL_SY_BOUND = 32,   /* clause boundary (; : or a speech-tail comma) */
  PL_SY_NEG = 64,     /* negation word inside a verb group */
  PL_SY_CDEL = 128    /* deleted by the comma_* clause limits (syntax.c):
                         the coder sees neither its verbs nor its actors */
};
/* syntax.c: closed word classes of a token's lower-case form
 * (pl_token.swc), found with one word-set probe per token, so the syntax
 * and event stages test a bit where they compared strings per token. */
enum pl_swclass {
  PL_SW_NEG = 1u << 0,    /* not n't never nt */
  PL_SW_REL = 1u << 1,    /* who whom whose which */
  PL_SW_SUB = 1u << 2,    /* subordinators: after, because, if, ... */
  PL_SW_TO = 1u << 3,     /* to */
  PL_SW_COMMA = 1u << 4,  /* , */
  PL_SW_AND = 1u << 5,    /* and */
  PL_SW_OR = 1u << 6,     /* or */
  PL_SW_BUT = 1u << 7,    /* but */
  PL_SW_AMPNOR = 1u << 8, /* & nor */
  PL_SW_HYPHEN = 1u << 9, /* - */
  PL_SW_RE = 1u << 10,    /* re (a split "re-" prefix) */
  PL_SW_BOUND = 1u << 11, /* ; : -- and the em dash */
  PL_SW_LPAREN = 1u << 12,/* ( */
  PL_SW_RPAREN = 1u << 13,/* ) */
  PL_SW_PERIOD = 1u << 14,/* . */
  PL_SW_THAT = 1u << 15,  /* that */
  PL_SW_NO = 1u << 16,    /* no ("no longer") */
  PL_SW_LONGER = 1u << 17,/* longer */
  PL_SW_BY = 1u << 18     /* by */
};
/* syntax.c: a verb group ("has not yet been attacked", "plans to meet"). */
enum pl_vgflag {
  PL_VG_NEG = 1,       /* not / n't / never / no longer */
  PL_VG_PASSIVE = 2,   /* be/get + VBN */
  PL_VG_FUTURE = 4,    /* will / shall / would / going to / is to */
  PL_VG_INTENT = 8,    /* plans to, intends to, is expected/set to, ... */
  PL_VG_MODAL = 16,    /* may / might / could / should / must */
  PL_VG_SPEECH = 32,   /* head is a speech verb (say, tell, announce...) */
  PL_VG_INF = 64,      /* to-infinitive opening its own group */
  PL_VG_PART = 128,    /* participle clause after a comma (", killing") */
  PL_VG_REL = 256,     /* opens a relative clause (subject = antecedent) */
  PL_VG_ADJ = 512,     /* used as a noun modifier; not a predicate */
  PL_VG_COORD = 1024   /* bare verb coordinated with the group before */
};
typedef struct pl_vgroup {
  uint32_t sent;
  uint32_t lo, hi;     /* tokens [lo, hi) of the group */
  uint32_t head;       /* main (last lexical) verb */
  uint32_t first;      /* first lexical verb: "plans" in "plans to meet" */
  uint32_t clo, chi;   /* clause tokens [clo, chi) */
  uint16_t flags;      /* PL_VG_* */
} pl_vgroup;

typedef struct pl_sentence {
  uint32_t off, len;   /* span in doc->text (trimmed) */
  uint32_t tok0, ntok; /* tokens [tok0, tok0+ntok) */
  uint16_t flags;      /* PL_SF_* */
} pl_sentence;
enum { PL_SF_CUT = 1, /* forced cut (too long) */
       PL_SF_FRAGMENT = 2, /* no verb / broken fragment */
       PL_SF_DISCARD = 4 /* actors.c: a discard phrase matched (sentence or
                            story level): events are not coded here */ };

/* ---- actors ---- */
enum pl_how {
  PL_HOW_UNKNOWN = 0, PL_HOW_EXACT, PL_HOW_SYNONYM, PL_HOW_AGENT,
  PL_HOW_ADJECTIVE, PL_HOW_FUZZY, PL_HOW_ROLE, PL_HOW_COREF,
  PL_HOW_METONYM
};
const char *pl_how_name(int how);

typedef struct pl_actor {
  const char *code;    /* full code "USAGOV", "" when unknown */
  const char *name;    /* canonical name, NULL when none */
  uint8_t how;         /* PL_HOW_* */
} pl_actor;

enum pl_mflag {
  PL_MF_PERSON = 1, PL_MF_PRONOUN = 2, PL_MF_PLURAL = 4,
  PL_MF_COUNTRY = 8, PL_MF_ADJ = 16, PL_MF_POSS = 32 /* followed by 's */
};
typedef struct pl_mention {
  uint32_t sent;       /* sentence index */
  uint32_t tok, ntok;  /* tokens covered */
  pl_actor a;          /* resolution */
  int32_t ante;        /* coref.c: antecedent mention, or -1 */
  uint16_t flags;      /* PL_MF_* */
  char agent[8];       /* actors.c: agent segment of an agent noun in the
                          mention ("GOV", "MIL"), "" when none: kept even
                          when the code is empty ("the militants") */
} pl_mention;

/* ---- places ---- */
typedef struct pl_place {
  const char *name;    /* canonical name */
  char country[4];     /* ISO alpha-3 */
  double lat, lon;
  const char *kind;    /* "city", "capital", "country", "region", "area" */
  uint32_t sent, tok, ntok; /* where it was seen */
} pl_place;

/* ---- events ---- */
enum pl_eflag { PL_EF_NEGATED = 1, PL_EF_INTENT = 2, PL_EF_PASSIVE = 4,
                PL_EF_NOMINAL = 8, PL_EF_REPORTED = 16,
                PL_EF_IMPLIED = 32 /* target implied, not in the text */ };
typedef struct pl_event {
  uint32_t sent;
  char code[6];        /* CAMEO code "040", "0871" */
  int32_t src, tgt;    /* mention indexes, -1 = none */
  uint32_t vtok, nvtok;/* verb (or nominal head) tokens */
  const char *pattern; /* the pattern that fired (static or dict-owned) */
  uint32_t off, len;   /* evidence span in doc->text */
  pl_date date;
  int32_t place;       /* index in doc->places, -1 */
  uint16_t flags;      /* PL_EF_* */
} pl_event;

typedef struct pl_quote {
  uint32_t sent;       /* sentence of the opening quote */
  uint32_t off, len;   /* quoted text (without the marks) in doc->text */
  int32_t speaker;     /* mention index, -1 = unknown */
  uint32_t cue_tok;    /* token of the cue verb ("said"), UINT32_MAX none */
  pl_date date;
  uint16_t flags;      /* PL_QF_* */
  uint32_t spk_tok, spk_ntok; /* speaker phrase as seen (ntok 0 = none) */
} pl_quote;
enum pl_qflag { PL_QF_PARTIAL = 1,  /* a fragment inside a sentence */
                PL_QF_CONT = 2,     /* speaker carried from the previous */
                PL_QF_UNCLOSED = 4, /* ended by a paragraph break */
                PL_QF_MULTI = 8 };  /* spans sentences */

typedef struct pl_count {
  uint32_t sent;
  const char *kind;    /* "killed", "injured", "captured", ... */
  double value;        /* the number; -1 when vague ("dozens": see qual) */
  double value_max;    /* upper bound for ranges/vague, else = value */
  const char *qualifier; /* "at least", "about", "more than", "" */
  int32_t who;         /* mention of the victims' side, -1 */
  int32_t by;          /* perpetrator mention, -1 */
  int32_t src;         /* attribution mention ("according to X"), -1 */
  uint32_t src_off, src_len; /* attribution text span */
  int32_t place;       /* doc->places index, -1 */
  pl_date since;       /* period start, prec NONE when absent */
  pl_date date;
  uint32_t off, len;   /* evidence span */
  const char *pattern; /* construct that fired ("N-passive", "verb-N"...) */
  uint16_t flags;      /* PL_CF_* */
} pl_count;
enum pl_cflag { PL_CF_INTENT = 1 /* planned or future: "will free 50" */ };

/* ---- dictionaries held by the context (owned by their stage file) ---- */
typedef struct pl_lexicon pl_lexicon;   /* tag.c */
typedef struct pl_actordict pl_actordict; /* dict.c */
typedef struct pl_verbdict pl_verbdict; /* verbs.c */
typedef struct pl_gazetteer pl_gazetteer; /* places.c */
typedef struct pl_cameo pl_cameo;       /* cameo.c */

struct parley_ctx {
  parley_limits lim;
  char errmsg[512];
  pl_buf warnings;       /* dictionary load warnings */
  pl_buf scratch;        /* parley_actor_json output */
  pl_lexicon *lex;
  pl_actordict *actors;
  pl_verbdict *verbs;
  pl_gazetteer *gaz;
  pl_cameo *cameo;
  unsigned flags;        /* PL_CTX_* coding switches */
  /* PETRARCH <Config> switches (parley_ctx_set_option, doc.c), honoured by
   * the actor and event stages.  new_actor_length: an unknown noun phrase
   * of at most this many words may be an actor, coded by its upper-cased
   * text in double quotes ('"INJURY TOLL"'); 0 = never (the default).
   * comma_*: word-count limits of comma-delimited clauses the coder skips
   * (min/max anywhere, b* at the sentence beginning, e* at its end; max 0 =
   * skip none of that kind); -1 = not set: parley's own clause rules. */
  int new_actor_length;
  int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
};
/* PL_CTX_NO_DEFAULTS: the context was made by parley_ctx_new_opts with
 * PARLEY_CTX_NO_DEFAULT_DICTS.  Contract for pl_actors_load_builtin and
 * pl_verbs_load_builtin: when it is set they create their dictionary
 * EMPTY (so the file loaders have one to add to) and load no built-in
 * entries. */
/* PL_CTX_STORE_ONLY: made with PARLEY_CTX_STORE_ONLY: only the CAMEO
 * table is loaded; the other dictionary pointers stay NULL. */
enum { PL_CTX_REQUIRE_DYAD = 1, PL_CTX_NO_DEFAULTS = 2,
       PL_CTX_STORE_ONLY = 4 };

void pl_ctx_err(parley_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Built-in data image (generated at build time from data/). */
typedef struct pl_blob { const char *name; const char *data; size_t len; }
    pl_blob;
const pl_blob *pl_builtin(const char *name); /* NULL when absent */

/* parse.c: a node of the Penn parse given with the article (phrase or
 * leaf), with the tokens it covers. */
enum pl_pnlabel { PL_PN_LEAF = 0, PL_PN_EMPTY, /* -NONE- trace, no words */
                  PL_PN_NP, PL_PN_VP, PL_PN_S, PL_PN_SBAR, PL_PN_PP,
                  PL_PN_PRN, PL_PN_UCP, PL_PN_ADJP, PL_PN_OTHER };
typedef struct pl_pnode {
  uint32_t lo, hi;       /* tokens [lo, hi); valid only when ok */
  int32_t parent, kid, next; /* parent, first child, next sibling; -1 */
  uint8_t label;         /* PL_PN_* (WHNP counts as NP, SINV/SQ as S) */
  uint8_t tag;           /* leaves: enum pl_tag */
  uint8_t ok;            /* every word of it aligned with the tokens */
} pl_pnode;

/* ---- the document ---- */
struct parley_doc {
  parley_ctx *ctx;
  pl_arena arena;          /* everything below lives here */
  /* article */
  const char *id, *source, *url, *title, *date_str;
  pl_date date;            /* article date (prec NONE when unknown) */
  const char *orig;        /* original bytes (copy) */
  size_t orig_len;
  char *next_parse;        /* parley_doc_set_parse (malloc'd), used and
                              freed by the next code call */
  const char *parse;       /* this article's Penn parse (arena) or NULL */
  uint8_t *gold_tags;      /* parse.c: per-token tag from it, 0 = none;
                              NULL without a parse (read by tag.c) */
  pl_pnode *pnodes;        /* parse.c: its nodes in preorder, NULL without
                              a parse (read by syntax.c via pl_tree_syntax) */
  uint32_t npnodes;
  int32_t *pleaf;          /* parse.c: per token, its (first) leaf node in
                              pnodes, -1 when unaligned */
  /* normalize.c */
  char *text;              /* normalised text, NUL-terminated */
  size_t text_len;
  uint32_t *omap;          /* normalised byte -> original byte */
  size_t bad_utf8;
  int cut;                 /* article was cut at max_doc_bytes */
  /* stage outputs */
  PL_VEC(pl_sentence) sents;
  PL_VEC(pl_token) toks;
  PL_VEC(pl_mention) ments;
  PL_VEC(pl_vgroup) vgs;   /* syntax.c */
  PL_VEC(pl_place) places;
  PL_VEC(pl_datex) dates;   /* dates.c: date expressions */
  PL_VEC(pl_event) events;
  PL_VEC(pl_quote) quotes;
  PL_VEC(pl_count) counts;
  /* output */
  pl_buf out;
  char errmsg[512];
  parley_rc rc;            /* sticky first failure (ENOMEM) */
};

/* Original-text span of a normalised span. */
static inline uint32_t pl_orig_off(const parley_doc *d, uint32_t off) {
  return d->omap[off];
}

/* ---- stages ---- */
typedef parley_rc (*pl_stage_fn)(parley_doc *doc);
parley_rc pl_normalize_run(parley_doc *doc);
parley_rc pl_sentence_run(parley_doc *doc);
parley_rc pl_token_run(parley_doc *doc);
parley_rc pl_tag_run(parley_doc *doc);
parley_rc pl_actors_run(parley_doc *doc);
parley_rc pl_syntax_run(parley_doc *doc);
parley_rc pl_events_run(parley_doc *doc);
parley_rc pl_quotes_run(parley_doc *doc);
parley_rc pl_counts_run(parley_doc *doc);
parley_rc pl_dates_run(parley_doc *doc);
parley_rc pl_places_run(parley_doc *doc);
parley_rc pl_coref_run(parley_doc *doc);

/* Dictionary loading hooks, called by parley_ctx_new (built-ins) and
 * parley_ctx_load_dict.  Each returns OK or an error with ctx->errmsg. */
parley_rc pl_lex_load_builtin(parley_ctx *ctx);
void pl_lex_free(pl_lexicon *lex);
parley_rc pl_actors_load_builtin(parley_ctx *ctx);
void pl_actordict_free(pl_actordict *d);
parley_rc pl_verbs_load_builtin(parley_ctx *ctx);
void pl_verbdict_free(pl_verbdict *d);
parley_rc pl_places_load_builtin(parley_ctx *ctx);
void pl_gazetteer_free(pl_gazetteer *g);
parley_rc pl_cameo_load_builtin(parley_ctx *ctx);
void pl_cameo_free(pl_cameo *c);

/* cameo.c: the ontology table. */
typedef struct pl_cameo_info {
  const char *code;      /* "0871" */
  const char *name;      /* "Declare ceasefire" */
  const char *plover;    /* "CONCEDE" or "" */
  double goldstein;      /* -10 .. +10 */
  int quad;              /* GDELT QuadClass 1..4 */
} pl_cameo_info;
/* Looks a code up; unknown sub-codes fall back to their parent/root
 * entry's values.  Returns NULL only for a code with no known root. */
const pl_cameo_info *pl_cameo_get(const parley_ctx *ctx, const char *code);
/* The i-th entry of the table in code order; NULL past the end. */
const pl_cameo_info *pl_cameo_at(const parley_ctx *ctx, size_t i);

/* Splits an actor code into country root and first sector segment
 * (country "IGO" for IGO codes; sector "" when none is known). */
void pl_actor_parts(const char *code, char country[4], char sector[4]);

/* ---- cross-stage services (declared here so stages can be built in
 * parallel; each is implemented by the file named) ---- */

/* dict.c: loads a user actor/agent/discard file (native or PETRARCH
 * format) into ctx->actors. Warnings go to ctx->warnings. */
parley_rc pl_actors_load_file(parley_ctx *ctx, const char *path,
                              parley_dict_kind kind, size_t *nentries,
                              size_t *nwarnings);
/* events.c: loads a verb file (parley native or PETRARCH/TABARI verbs). */
parley_rc pl_verbs_load_file(parley_ctx *ctx, const char *path,
                             size_t *nentries, size_t *nwarnings);
/* verbs.c: drops every verb pattern (built-in ones too), so that only
 * files loaded afterwards apply (PETRARCH validation dictionaries). */
parley_rc pl_verbs_clear(parley_ctx *ctx);

/* dates.c: the date for something said or done in sentence sent between
 * tokens [lo, hi) (the clause of a verb); future is 1 when the clause is
 * future tense/intent.  Falls back to the article date. */
pl_date pl_date_for(const parley_doc *doc, uint32_t sent, uint32_t lo,
                    uint32_t hi, int future);
/* dates.c: the start of a "since X" period stated in [lo, hi) of the
 * sentence (else anywhere in it), prec NONE when there is none. */
pl_date pl_date_since(const parley_doc *doc, uint32_t sent, uint32_t lo,
                      uint32_t hi);

/* places.c: the place the clause [lo, hi) of sentence sent puts an event
 * at ("met ... in Cairo"), as an index into doc->places, or -1. */
int32_t pl_place_for(const parley_doc *doc, uint32_t sent, uint32_t lo,
                     uint32_t hi);

/* coref.c: the mention whose resolution stands for m (follows ->ante to
 * the first named mention; m itself when it has no antecedent).  Inline:
 * events and the writers ask for every actor they touch. */
static inline int32_t pl_ment_resolved(const parley_doc *doc, int32_t m) {
  int guard = 0;
  while (m >= 0 && (uint32_t)m < doc->ments.n && doc->ments.v[m].ante >= 0 &&
         guard++ < 64)
    m = doc->ments.v[m].ante;
  return m;
}

/* quotes.c: the word classes the extraction stages share (quotes,
 * counts, coref), looked up by a token's lower-cased form. */
enum pl_xwclass {
  PL_XW_CUE = 1u << 0,    /* speech verb: said, told, added */
  PL_XW_PART = 1u << 1,   /* ... as a participle: saying, adding */
  PL_XW_AUX = 1u << 2,    /* may stand between subject and cue */
  PL_XW_TIME = 1u << 3,   /* Thursday, week, yesterday */
  PL_XW_TPREP = 1u << 4,  /* on/last/this/next before a TIME word */
  PL_XW_NP = 1u << 5,     /* lower-case word allowed in a speaker phrase */
  PL_XW_PRON = 1u << 6,   /* he she they we i it */
  PL_XW_QUAL = 1u << 7,   /* first word of a count qualifier */
  PL_XW_NUM = 1u << 8,    /* number word (v) */
  PL_XW_MAG = 1u << 9,    /* hundred thousand million (v = factor) */
  PL_XW_VAGUE = 1u << 10, /* dozens, hundreds (v..vmax) */
  PL_XW_KIND = 1u << 11,  /* participle/noun naming a count kind */
  PL_XW_KVERB = 1u << 12, /* active verb naming a count kind */
  PL_XW_VICTIM = 1u << 13,/* people, civilians, soldiers */
  PL_XW_ATTACK = 1u << 14,/* attacks, strikes, shelling */
  PL_XW_UNIT = 1u << 15,  /* days, percent: not a count of people */
  PL_XW_MONTH = 1u << 16, /* month names (v = month) */
  PL_XW_CAUX = 1u << 17   /* between a count's noun and its participle */
};
typedef struct pl_xword {
  const char *w;
  uint32_t cls;          /* PL_XW_* */
  uint8_t kind;          /* PL_CK_* for KIND/KVERB words */
  double v, vmax;
} pl_xword;
enum { PL_CK_NONE = 0, PL_CK_KILLED, PL_CK_INJURED, PL_CK_CAPTURED,
       PL_CK_KIDNAPPED, PL_CK_ARRESTED, PL_CK_DETAINED, PL_CK_RELEASED,
       PL_CK_DISPLACED, PL_CK_MISSING, PL_CK_CASUALTIES, PL_CK__N };
const pl_xword *pl_xword_get(const char *lower);  /* NULL when none */
/* pl_xword_get of a token's lower-case form, by its interned hash. */
const pl_xword *pl_xword_tok(const pl_token *t);
/* A token's classes, 0 none: token.c looked them up once per word token
 * (t->xw); inline, the stages ask at many positions. */
static inline uint32_t pl_xw(const pl_token *t) {
  return (t->flags & (PL_TF_WORD | PL_TF_ABBR)) ? t->xw : 0;
}
/* The classes of a lower-case word with its pl_fnv32 hash (token.c
 * stores them on each word token for pl_xw). */
uint32_t pl_xw_classes(const char *lower, uint32_t hlow);
/* quotes.c: its extraction-word table, entry by entry (token.c builds
 * its one-probe word table from it). */
size_t pl_xword_count(void);
const pl_xword *pl_xword_at(size_t i);
/* quotes.c: the first token at or after i that opens a quotation
 * (PL_TF_QOPEN), doc->toks.n when none.  Jumps between '"' bytes of the
 * text instead of testing every token. */
uint32_t pl_next_qopen(const parley_doc *doc, uint32_t i);
/* quotes.c: token i is a speech cue (a cue word outside names, not
 * passive: "was accused", "the United States"). */
int pl_cue_at(const parley_doc *doc, uint32_t i);
/* The subject phrase of the (speech) verb at token v, searched back to
 * token lo: skips auxiliaries, "on Thursday" and a comma-set appositive.
 * Returns 1 and the phrase [*a,*b) when one is found. */
int pl_subject_span(const parley_doc *doc, uint32_t lo, uint32_t v,
                    uint32_t *a, uint32_t *b);
/* A name/noun phrase starting at token i, not past hi. */
int pl_np_after(const parley_doc *doc, uint32_t i, uint32_t hi, uint32_t *a,
                uint32_t *b);
/* The mention that best stands for phrase [a,b): a covering mention
 * (a person before its possessor, a name before an adjective), else an
 * earlier mention the name repeats (coref.c pl_name_ante), else -1. */
int32_t pl_span_mention(const parley_doc *doc, uint32_t a, uint32_t b);
/* coref.c: an earlier mention that the capitalised name [a,b) repeats
 * ("Hamdan" -> "Osama Hamdan", "Sheikh Mohammed" -> the full name,
 * "Shinwar" -> "Sinwar" at edit distance 1), or -1. */
int32_t pl_name_ante(const parley_doc *doc, uint32_t a, uint32_t b);
/* coref.c: the earlier mention a definite role nominal [a,b) without a
 * code stands for ("the ministry", "the prime minister", "the group"),
 * or -1. */
int32_t pl_role_ante(const parley_doc *doc, uint32_t a, uint32_t b);

/* store.c: the SQLite handle (sqlite3 *) of a store, for query.c, and
 * its error recorder ("what: sqlite message" on the store and ctx). */
void *pl_store_db(parley_store *st);
void pl_store_fail(parley_store *st, const char *what);

/* parse.c: fills doc->gold_tags from doc->parse (doc.c calls it just
 * before the tag stage). */
parley_rc pl_parse_gold_tags(parley_doc *doc);
/* parse.c: corrects the chunker's flags of sentence s from the parse's
 * phrase structure (coordination, subjects, subordinate and relative
 * clauses); syntax.c calls it when doc->pnodes is set. */
void pl_tree_syntax(parley_doc *doc, const pl_sentence *s);
/* parse.c: does token t lie inside the verb phrase of verb-group word v
 * (the highest VP of the auxiliary chain v's VP belongs to, not crossing a
 * VP coordination)?  1 yes, 0 no, -1 unknown (no parse, or a word not
 * aligned with it, or v not directly in a VP). */
int pl_tree_in_vp(const parley_doc *doc, uint32_t v, uint32_t t);

/* wordset.c: is w in the NULL-terminated static word list? (one hash
 * probe; the list is compiled into a set on first use, thread-safe).
 * list must be a static array that lives as long as the process. */
int pl_words_has(const char *const *list, const char *w);
/* The same with w's pl_fnv32 hash already known (a token's hlow/hlem). */
int pl_words_has_h(const char *const *list, const char *w, uint32_t h);
/* Which of up to 32 static word lists hold w (bit k = lists[k]), in one
 * probe; lists is a NULL-terminated static array of such lists and h is
 * w's pl_fnv32 hash (a token's hlow or hlem). */
uint32_t pl_words_class(const char *const *const *lists, const char *w,
                        uint32_t h);
/* Token forms against a list: the interned hash, no rehashing. */
static inline int pl_tok_in(const char *const *list, const pl_token *t) {
  return pl_words_has_h(list, t->lower, t->hlow);
}

/* write.c: renderers */
int pl_write_jsonl(parley_doc *doc, pl_buf *b, unsigned records);
int pl_write_tsv(parley_doc *doc, pl_buf *b);
int pl_write_pretty(parley_doc *doc, pl_buf *b, unsigned records);
int pl_write_dump(parley_doc *doc, pl_buf *b);
/* One record (PARLEY_REC_* type, index in its array) as a JSON line. */
int pl_write_one(parley_doc *doc, pl_buf *b, unsigned rectype, uint32_t i);
/* Writes an actor object {"code","country","sector","name","text"}. */
int pl_write_actor(pl_buf *b, const parley_doc *doc, int32_t ment);

/* Misc helpers (util.c). */
uint64_t pl_fnv1a(uint64_t h, const void *p, size_t n);
/* The content hash the store keys re-coding on (FNV-1a 64 of id, date,
 * source, url, title and the original text); computed on demand. */
uint64_t pl_doc_hash(const parley_doc *doc);
int pl_strcaseeq(const char *a, const char *b);

#endif /* PL_INTERNAL_H */
