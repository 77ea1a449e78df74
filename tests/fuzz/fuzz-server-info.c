/* fuzz-server-info.c: what a server says about itself, in any shape
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-move-backend.h"
#include "ferry-server-info.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (root == NULL)
    return 0;

  /* The same document as each of the three answers the probe reads. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(FerryServerInfo) info =
        ferry_server_info_new_from_json ("example.org", i == 0 ? root : NULL, i == 1 ? root : NULL,
                                         i == 2 ? root : NULL);
      g_autoptr(JsonNode) json = ferry_server_info_to_json (info);
      FerryMoveWay way = ferry_move_backend_way_for (info);

      g_assert (way <= FERRY_MOVE_WAY_WEB_APP);
      g_assert (ferry_server_info_get_software (info) != NULL);
      g_assert (ferry_server_info_get_notes (info) != NULL);
      g_assert (ferry_server_info_get_coverage (info, "mutes") <= FERRY_API_MISSING);
      (void) ferry_server_info_shows_counts (info);
      (void) ferry_server_info_shows_moved (info);
      g_assert (ferry_server_info_get_version (info) != NULL);
      g_assert (json != NULL);
    }
  return 0;
}
