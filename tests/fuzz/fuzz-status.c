/* fuzz-status.c: a Status entity in any shape
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-status.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryStatus) model = NULL;

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  model = ferry_status_new_from_json ("example.org", json_parser_get_root (parser), &error);
  g_assert ((model == NULL) != (error == NULL));
  if (model != NULL)
    {
      g_assert (ferry_status_get_id (model) != NULL);
      for (guint i = 0; i < ferry_status_get_n_media (model); i++)
        (void) ferry_status_get_media_url (model, i);
    }
  return 0;
}
