/* fuzz-handle.c: ferry_handle_parse on any bytes
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-handle.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  for (guint flags = 0; flags <= FERRY_HANDLE_PARSE_SERVER_ONLY; flags++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FerryHandle) handle = ferry_handle_parse (text, flags, &error);

      g_assert ((handle == NULL) != (error == NULL));
      if (handle != NULL)
        {
          g_autofree char *again_text = ferry_handle_to_string (handle);
          g_autoptr(FerryHandle) again = ferry_handle_parse (again_text, flags, NULL);

          /* What Ferry writes, it reads back the same. */
          g_assert (again != NULL);
          g_assert (ferry_handle_equal (handle, again));
          g_assert (g_utf8_validate (handle->display_host, -1, NULL));
        }
    }
  return 0;
}
