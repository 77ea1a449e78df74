/* ferry-client-collections.h: typed calls for what an account has, page by page
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-client.h"
#include "ferry-page.h"
#include "ferry-status.h"

G_BEGIN_DECLS

void        ferry_client_get_page_async            (FerryClient          *self,
                                                    FerryCollection       collection,
                                                    const char           *owner_id,
                                                    const char           *cursor,
                                                    int                   io_priority,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
FerryPage  *ferry_client_get_page_finish           (FerryClient          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void        ferry_client_list_all_async            (FerryClient          *self,
                                                    FerryCollection       collection,
                                                    const char           *owner_id,
                                                    guint                 max_items,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GPtrArray  *ferry_client_list_all_finish           (FerryClient          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void        ferry_client_get_status_async          (FerryClient          *self,
                                                    const char           *id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
FerryStatus *ferry_client_get_status_finish        (FerryClient          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void        ferry_client_get_status_history_async  (FerryClient          *self,
                                                    const char           *id,
                                                    int                   io_priority,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
JsonNode   *ferry_client_get_status_history_finish (FerryClient          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void        ferry_client_get_preferences_async     (FerryClient          *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
JsonNode   *ferry_client_get_preferences_finish    (FerryClient          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
