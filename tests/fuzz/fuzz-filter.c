/* fuzz-filter.c: a Filter entity in any shape
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-filter.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryFilter) model = NULL;

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  model = ferry_filter_new_from_json ("example.org", json_parser_get_root (parser), &error);
  g_assert ((model == NULL) != (error == NULL));
  if (model != NULL)
    {
      g_assert (ferry_filter_get_status_ids (model) != NULL);
      for (guint i = 0; i < ferry_filter_get_n_keywords (model); i++)
        g_assert (ferry_filter_get_keyword (model, i) != NULL);
    }
  return 0;
}
