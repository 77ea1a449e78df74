/* fuzz-account.c: an Account entity in any shape
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-account.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) account = NULL;

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  account = ferry_account_new_from_json ("example.org", json_parser_get_root (parser), &error);
  g_assert ((account == NULL) != (error == NULL));
  if (account != NULL)
    {
      g_assert (ferry_account_get_handle (account)->host != NULL);
      g_assert (ferry_account_get_display_name (account) != NULL);
      g_assert (ferry_account_get_followers (account) >= 0);
    }
  return 0;
}
