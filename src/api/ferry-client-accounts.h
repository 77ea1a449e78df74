/* ferry-client-accounts.h: typed calls about accounts
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-account.h"
#include "ferry-client.h"
#include "ferry-relationship.h"

G_BEGIN_DECLS

/* How many ids Ferry asks relationships for at once: Mastodon sets no cap
 * (relationships_controller.rb), GoToSocial none either; 80 is a page of accounts. */
#define FERRY_RELATIONSHIPS_BATCH 80

void          ferry_client_verify_credentials_async  (FerryClient          *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
FerryAccount *ferry_client_verify_credentials_finish (FerryClient          *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void          ferry_client_lookup_account_async      (FerryClient          *self,
                                                      const char           *acct,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
FerryAccount *ferry_client_lookup_account_finish     (FerryClient          *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void          ferry_client_get_relationships_async   (FerryClient          *self,
                                                      const char * const   *ids,
                                                      int                   io_priority,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GPtrArray    *ferry_client_get_relationships_finish  (FerryClient          *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
