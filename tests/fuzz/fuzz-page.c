/* fuzz-page.c: a page of any collection, in any shape
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-page.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  for (int c = FERRY_COLLECTION_FOLLOWING; c <= FERRY_COLLECTION_PINNED; c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FerryPage) page = ferry_page_new_from_json ("example.org", c,
                                                            json_parser_get_root (parser),
                                                            "https://example.org/next", &error);

      g_assert ((page == NULL) != (error == NULL));
      if (page != NULL)
        {
          g_assert (ferry_page_get_items (page)->len <= ferry_page_get_n_sent (page));
          g_assert ((ferry_page_get_next (page) == NULL) == (ferry_page_get_n_sent (page) == 0));
        }
    }
  return 0;
}
