/* ferry-move-policy.c: how a server moves accounts, in words for people
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Ferry does about a move is core's to say; the api layer only knows how each family
 * moves (ferry_move_backend_way_for()).
 */

#define G_LOG_DOMAIN "ferry-move"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-move-policy.h"

/**
 * ferry_move_describe_way:
 *
 * Returns: (transfer full): one sentence: how an account moves on a server of this way
 */
char *
ferry_move_describe_way (FerryMoveWay way)
{
  switch (way)
    {
    case FERRY_MOVE_WAY_API:
      return g_strdup (_("This server supports moving accounts through its API: Ferry can do "
                         "the alias and the move for you."));
    case FERRY_MOVE_WAY_WEB_PAGES:
      return g_strdup (_("Mastodon moves accounts only on its own web pages: Ferry opens the "
                         "right page and notices when the step is done."));
    case FERRY_MOVE_WAY_WEB_APP:
      return g_strdup (_("Misskey moves accounts only in its own web app: Ferry tells you "
                         "where, and notices when the step is done."));
    case FERRY_MOVE_WAY_NONE:
    default:
      return g_strdup (_("Ferry knows no way to move an account on this server."));
    }
}

/**
 * ferry_move_describe_server:
 * @info: (nullable): what the probe found
 *
 * Returns: (transfer full): one sentence: how an account moves on this server
 */
char *
ferry_move_describe_server (FerryServerInfo *info)
{
  return ferry_move_describe_way (ferry_move_backend_way_for (info));
}
