/* fuzz-api-error.c: server error answers of any shape
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-api-error.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char *types[] = { "application/json", "text/html", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *text = ferry_api_error_extract_message (types[i], (const char *) data, size);
      g_autoptr(GError) error = ferry_api_error_new_for_response ("example.org", 400 + i * 100,
                                                                  types[i], (const char *) data, size);

      if (text != NULL)
        g_assert (g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= 301);
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
    }
  return 0;
}
