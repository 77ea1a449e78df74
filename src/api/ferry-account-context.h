/* ferry-account-context.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-account.h"
#include "ferry-client.h"
#include "ferry-handle.h"
#include "ferry-server-info.h"

G_BEGIN_DECLS

#define FERRY_TYPE_ACCOUNT_CONTEXT (ferry_account_context_get_type ())

G_DECLARE_FINAL_TYPE (FerryAccountContext, ferry_account_context, FERRY, ACCOUNT_CONTEXT, GObject)

void                 ferry_account_context_new_async   (FerryClient          *client,
                                                        FerryServerInfo      *info,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
FerryAccountContext *ferry_account_context_new_finish  (GAsyncResult         *result,
                                                        GError              **error);
FerryAccountContext *ferry_account_context_new         (FerryClient          *client,
                                                        FerryServerInfo      *info,
                                                        FerryAccount         *account);

FerryClient         *ferry_account_context_get_client      (FerryAccountContext *self);
FerryServerInfo     *ferry_account_context_get_server_info (FerryAccountContext *self);
FerryAccount        *ferry_account_context_get_account     (FerryAccountContext *self);
const FerryHandle   *ferry_account_context_get_handle      (FerryAccountContext *self);
const char          *ferry_account_context_get_local_domain (FerryAccountContext *self);
char                *ferry_account_context_full_acct       (FerryAccountContext *self,
                                                            const char          *acct);

G_END_DECLS
