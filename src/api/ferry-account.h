/* ferry-account.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ferry-handle.h"

G_BEGIN_DECLS

#define FERRY_TYPE_ACCOUNT (ferry_account_get_type ())

G_DECLARE_FINAL_TYPE (FerryAccount, ferry_account, FERRY, ACCOUNT, GObject)

FerryAccount      *ferry_account_new_from_json      (const char   *host,
                                                     JsonNode     *node,
                                                     GError      **error);
const FerryHandle *ferry_account_get_handle         (FerryAccount *self);
const char        *ferry_account_get_id             (FerryAccount *self);
const char        *ferry_account_get_display_name   (FerryAccount *self);
const char        *ferry_account_get_avatar_url     (FerryAccount *self);
const char        *ferry_account_get_url            (FerryAccount *self);
const char        *ferry_account_get_uri            (FerryAccount *self);
gint64             ferry_account_get_followers      (FerryAccount *self);
gint64             ferry_account_get_following      (FerryAccount *self);
gint64             ferry_account_get_statuses       (FerryAccount *self);
gboolean           ferry_account_get_locked         (FerryAccount *self);
gboolean           ferry_account_get_bot            (FerryAccount *self);
gboolean           ferry_account_get_limited        (FerryAccount *self);
gboolean           ferry_account_get_suspended      (FerryAccount *self);
const char        *ferry_account_get_moved_to       (FerryAccount *self);
FerryAccount      *ferry_account_get_moved          (FerryAccount *self);
JsonNode          *ferry_account_get_json           (FerryAccount *self);
const char        *ferry_account_get_acct           (FerryAccount *self);
const char        *ferry_account_get_note           (FerryAccount *self);
const char        *ferry_account_get_created_at     (FerryAccount *self);
const char        *ferry_account_get_avatar_original_url (FerryAccount *self);
const char        *ferry_account_get_header_url     (FerryAccount *self);
const char * const *ferry_account_get_also_known_as (FerryAccount *self);
const char        *ferry_account_get_mute_expires_at (FerryAccount *self);
JsonObject        *ferry_account_dup_profile        (FerryAccount *self,
                                                     const char   *full_acct);

G_END_DECLS
