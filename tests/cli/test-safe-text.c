/* test-safe-text.c: ferry_safe_text() leaves nothing a terminal would act on
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ferry-safe-text.h"

/* Nothing in @text that a terminal would act on: no C0 control but (maybe) newline and tab, no
 * DEL, no C1 control, no bidi control, and valid UTF-8. */
static void
assert_harmless (const char *text,
                 gboolean    newlines)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (newlines && (c == '\n' || c == '\t'))
        continue;
      g_assert_false (ferry_safe_text_is_unsafe (c));
    }
}

static void
test_plain_text_unchanged (void)
{
  const char *texts[] = { "", "Alice", "Zoë Müller 🦊", "日本語の名前", "שלום", "a < b & c", "4.5.0" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *line = ferry_safe_text (texts[i], -1, FERRY_SAFE_TEXT_LINE);
      g_autofree char *json = ferry_safe_text (texts[i], -1, FERRY_SAFE_TEXT_JSON);

      g_assert_cmpstr (line, ==, texts[i]);
      g_assert_cmpstr (json, ==, texts[i]);
    }
}

static void
test_escapes_replaced (void)
{
  const struct { const char *in; const char *line; } cases[] = {
    /* the window title, and the screen cleared */
    { "Alice\033]0;pwned\007\033[2J", "Alice␛]0;pwned␇␛[2J" },
    /* a carriage return and backspaces over what Ferry printed */
    { "x\rSigned in as @admin", "x␍Signed in as @admin" },
    { "ab\b\bXY", "ab␈␈XY" },
    /* DEL, and C1 controls as characters: CSI (U+009B) and OSC (U+009D) */
    { "a\177b", "a␡b" },
    { "a\302\2332Jb\302\235", "a\357\277\2752Jb\357\277\275" },
    /* a raw CSI byte and other invalid UTF-8, one replacement per byte */
    { "a\2332J", "a\357\277\2752J" },
    { "\377\376", "\357\277\275\357\277\275" },
    { "caf\303", "caf\357\277\275" },
    /* bidi: an override showing "exe.txt" as "txt.exe", isolates, marks */
    { "file\342\200\256txt.exe", "file\357\277\275txt.exe" },
    { "\342\201\246a\342\201\251\342\200\217", "\357\277\275a\357\277\275\357\277\275" },
    /* a line separator */
    { "a\342\200\250b", "a\357\277\275b" },
    /* newlines and tabs: a space in a line of Ferry's */
    { "Alice\nSigned in as @admin@example.org", "Alice Signed in as @admin@example.org" },
    { "a\tb", "a b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = ferry_safe_text (cases[i].in, -1, FERRY_SAFE_TEXT_LINE);
      g_autofree char *lines = ferry_safe_text (cases[i].in, -1, FERRY_SAFE_TEXT_KEEP_NEWLINES);

      g_assert_cmpstr (line, ==, cases[i].line);
      assert_harmless (line, FALSE);
      assert_harmless (lines, TRUE);
      g_assert_null (strchr (line, '\n'));
    }
}

static void
test_newlines_kept (void)
{
  g_autofree char *note = ferry_safe_text ("line one\n\033[31mline two\r\n", -1,
                                           FERRY_SAFE_TEXT_KEEP_NEWLINES);

  g_assert_cmpstr (note, ==, "line one\n␛[31mline two␍\n");
}

static void
test_length_and_nul (void)
{
  /* An explicit length: an embedded NUL is shown, never a place where the text is cut. */
  g_autofree char *text = ferry_safe_text ("ab\0\033c", 5, FERRY_SAFE_TEXT_LINE);
  g_autofree char *null = ferry_safe_text (NULL, -1, FERRY_SAFE_TEXT_LINE);
  g_autofree char *cut = ferry_safe_text ("abc\033def", 3, FERRY_SAFE_TEXT_LINE);

  g_assert_cmpstr (text, ==, "ab\357\277\275␛c");
  g_assert_cmpstr (null, ==, "");
  g_assert_cmpstr (cut, ==, "abc");
}

static void
test_json_keeps_meaning (void)
{
  /* JSON as json-glib writes it: C0 already escaped; C1 and bidi left raw. They become
   * escapes, so the JSON means the same and prints harmlessly. */
  g_autofree char *json = ferry_safe_text ("{\n  \"name\" : \"a\302\233b\342\200\256c\\u001b\"\n}", -1,
                                           FERRY_SAFE_TEXT_JSON);

  g_assert_cmpstr (json, ==, "{\n  \"name\" : \"a\\u009bb\\u202ec\\u001b\"\n}");
  assert_harmless (json, TRUE);
}

static void
test_idempotent (void)
{
  const char *texts[] = { "Alice\033]0;pwned\007", "a\2332J\r\n\342\200\256", "\302\233\177" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint flags = 0; flags <= FERRY_SAFE_TEXT_JSON; flags++)
      {
        g_autofree char *once = ferry_safe_text (texts[i], -1, flags);
        g_autofree char *twice = ferry_safe_text (once, -1, flags);

        g_assert_cmpstr (once, ==, twice);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/safe-text/plain-unchanged", test_plain_text_unchanged);
  g_test_add_func ("/safe-text/escapes-replaced", test_escapes_replaced);
  g_test_add_func ("/safe-text/newlines-kept", test_newlines_kept);
  g_test_add_func ("/safe-text/length-and-nul", test_length_and_nul);
  g_test_add_func ("/safe-text/json-keeps-meaning", test_json_keeps_meaning);
  g_test_add_func ("/safe-text/idempotent", test_idempotent);
  return g_test_run ();
}
