/* ferry-memory-store.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-secret-store.h"

G_BEGIN_DECLS

#define FERRY_TYPE_MEMORY_STORE (ferry_memory_store_get_type ())

G_DECLARE_FINAL_TYPE (FerryMemoryStore, ferry_memory_store, FERRY, MEMORY_STORE, FerrySecretStore)

FerrySecretStore *ferry_memory_store_new  (void);
guint             ferry_memory_store_size (FerryMemoryStore *self);

G_END_DECLS
