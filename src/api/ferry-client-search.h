/* ferry-client-search.h: typed calls that find things another server knows: search with
 * resolve, and an actor's own document
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-actor.h"
#include "ferry-client.h"

G_BEGIN_DECLS

typedef enum
{
  FERRY_SEARCH_ACCOUNTS,
  FERRY_SEARCH_STATUSES,
} FerrySearchType;

void        ferry_client_resolve_async   (FerryClient          *self,
                                          const char           *query,
                                          FerrySearchType       type,
                                          guint                 limit,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GPtrArray  *ferry_client_resolve_finish  (FerryClient          *self,
                                          GAsyncResult         *result,
                                          GError              **error);
void        ferry_client_get_actor_async (FerryClient          *self,
                                          const char           *uri,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
FerryActor *ferry_client_get_actor_finish (FerryClient         *self,
                                          GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
