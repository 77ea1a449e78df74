/* fuzz-csv.c: ferry_csv_parse on any bytes, and what Ferry writes read back the same
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = ferry_csv_parse ((const char *) data, size, &error);
  g_autoptr(GString) written = NULL;
  g_autoptr(GPtrArray) again = NULL;

  g_assert ((rows == NULL) != (error == NULL));
  if (rows == NULL)
    {
      g_assert (error->domain == FERRY_CSV_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  written = g_string_new (NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert (g_strv_length (row) > 0);
      ferry_csv_append_row (written, (const char * const *) row, g_strv_length (row));
    }
  again = ferry_csv_parse (written->str, written->len, &error);
  g_assert_no_error (error);
  /* Rows of one empty field are blank lines, which reading skips. */
  for (guint i = 0, j = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      char **other;

      if (g_strv_length (row) == 1 && row[0][0] == '\0')
        continue;
      g_assert (j < again->len);
      other = g_ptr_array_index (again, j++);
      g_assert (g_strv_equal ((const char * const *) row, (const char * const *) other));
    }
  return 0;
}
