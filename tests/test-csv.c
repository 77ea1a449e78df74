/* test-csv.c: CSV as Mastodon writes it, and reading what people bring
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ferry-csv.h"

static char *
row_text (const char * const *fields,
          guint               n)
{
  GString *out = g_string_new (NULL);

  ferry_csv_append_row (out, fields, n);
  return g_string_free (out, FALSE);
}

static void
test_write (void)
{
  /* Mastodon's export: booleans bare, languages quoted for their comma, nil as nothing. */
  const char *follow[] = { "alice@example.org", "true", "false", "en, de" };
  const char *plain[] = { "bob@example.org", "false", "true", NULL };
  const char *quotes[] = { "say \"hi\"", "line\nbreak", "cr\r" };
  g_autofree char *a = row_text (follow, 4);
  g_autofree char *b = row_text (plain, 4);
  g_autofree char *c = row_text (quotes, 3);

  g_assert_cmpstr (a, ==, "alice@example.org,true,false,\"en, de\"\n");
  g_assert_cmpstr (b, ==, "bob@example.org,false,true,\n");
  g_assert_cmpstr (c, ==, "\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\r\"\n");
}

static void
test_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = ferry_csv_parse ("\xef\xbb\xbf" "Account address,Show boosts\r\n"
                                               "\r\n"
                                               "\"a, b\",\"x \"\"y\"\"\"\n"
                                               "\"multi\nline\",\n"
                                               "last,row", -1, &error);
  char **row;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[0], ==, "Account address");   /* the byte order mark is not part of it */
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row[0], ==, "a, b");
  g_assert_cmpstr (row[1], ==, "x \"y\"");
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row[0], ==, "multi\nline");
  g_assert_cmpstr (row[1], ==, "");
  g_assert_null (row[2]);
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (row[1], ==, "row");
}

static void
test_errors (void)
{
  static const struct { const char *text; gssize len; FerryCsvError code; const char *where; } cases[] = {
    { "ok\n\"never closed,\nmore\n", -1, FERRY_CSV_ERROR_UNTERMINATED, "Line 2" },
    { "a\"b,c\n", -1, FERRY_CSV_ERROR_BAD_QUOTE, "Line 1" },
    { "x\n\"q\"z\n", -1, FERRY_CSV_ERROR_BAD_QUOTE, "Line 2" },
    { "\xff\xfe", -1, FERRY_CSV_ERROR_NOT_TEXT, "not a text file" },
    { "a\0b\n", 4, FERRY_CSV_ERROR_NOT_TEXT, "not a text file" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = ferry_csv_parse (cases[i].text, cases[i].len, &error);

      g_assert_null (rows);
      g_assert_error (error, FERRY_CSV_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].where));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/write", test_write);
  g_test_add_func ("/csv/read", test_read);
  g_test_add_func ("/csv/errors", test_errors);

  return g_test_run ();
}
