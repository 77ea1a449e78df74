/* ferry-sign-in.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-account.h"
#include "ferry-client.h"
#include "ferry-job.h"
#include "ferry-oauth.h"
#include "ferry-role.h"
#include "ferry-secret-store.h"
#include "ferry-server-info.h"

G_BEGIN_DECLS

typedef enum
{
  FERRY_SIGN_IN_STARTING,
  FERRY_SIGN_IN_PROBING,
  FERRY_SIGN_IN_REGISTERING,
  FERRY_SIGN_IN_WAITING_FOR_BROWSER,
  FERRY_SIGN_IN_WAITING_FOR_CODE,
  FERRY_SIGN_IN_FINISHING,
  FERRY_SIGN_IN_DONE,
} FerrySignInStage;

#define FERRY_TYPE_SIGN_IN (ferry_sign_in_get_type ())

/* A FerryJob; ferry_sign_in_run_async() runs it as one and hands over the account. */
G_DECLARE_FINAL_TYPE (FerrySignIn, ferry_sign_in, FERRY, SIGN_IN, FerryJob)

FerrySignIn      *ferry_sign_in_new               (const char          *server,
                                                   FerryRole            role,
                                                   FerrySecretStore    *store,
                                                   GTlsDatabase        *tls_database);
void              ferry_sign_in_set_paste_code    (FerrySignIn         *self,
                                                   gboolean             paste_code);
void              ferry_sign_in_set_extra_access  (FerrySignIn         *self,
                                                   FerryOAuthAccess     extra);
void              ferry_sign_in_set_force_login   (FerrySignIn         *self,
                                                   gboolean             force_login);
FerrySignInStage  ferry_sign_in_get_stage         (FerrySignIn         *self);
const char       *ferry_sign_in_get_authorize_url (FerrySignIn         *self);
FerryServerInfo  *ferry_sign_in_get_server_info   (FerrySignIn         *self);
FerryClient      *ferry_sign_in_get_client        (FerrySignIn         *self);
void              ferry_sign_in_submit_code       (FerrySignIn         *self,
                                                   const char          *code);
const char       *ferry_sign_in_get_fallback_reason (FerrySignIn       *self);
void              ferry_sign_in_set_browser_timeout (FerrySignIn       *self,
                                                   guint                seconds);
void              ferry_sign_in_run_async         (FerrySignIn         *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
FerryAccount     *ferry_sign_in_run_finish        (FerrySignIn         *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
