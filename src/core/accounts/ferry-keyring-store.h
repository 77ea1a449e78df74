/* ferry-keyring-store.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-secret-store.h"

G_BEGIN_DECLS

#define FERRY_TYPE_KEYRING_STORE (ferry_keyring_store_get_type ())

G_DECLARE_FINAL_TYPE (FerryKeyringStore, ferry_keyring_store, FERRY, KEYRING_STORE,
                      FerrySecretStore)

FerrySecretStore *ferry_keyring_store_new (void);

G_END_DECLS
