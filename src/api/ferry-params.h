/* ferry-params.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/**
 * FerryParams:
 *
 * The parameters of one API request, in order, repeated keys allowed (`id[]=1&id[]=2`).
 */
typedef struct _FerryParams FerryParams;

#define FERRY_TYPE_PARAMS (ferry_params_get_type ())

GType        ferry_params_get_type   (void) G_GNUC_CONST;
FerryParams *ferry_params_new        (void);
FerryParams *ferry_params_ref        (FerryParams *self);
void         ferry_params_unref      (FerryParams *self);
FerryParams *ferry_params_add        (FerryParams *self,
                                      const char  *key,
                                      const char  *value);
FerryParams *ferry_params_add_bool   (FerryParams *self,
                                      const char  *key,
                                      gboolean     value);
FerryParams *ferry_params_add_file    (FerryParams *self,
                                      const char  *key,
                                      const char  *filename,
                                      const char  *content_type,
                                      GBytes      *data);
gboolean     ferry_params_has_files  (FerryParams *self);
FerryParams *ferry_params_set_idempotency_key (FerryParams *self,
                                               const char  *key);
const char  *ferry_params_get_idempotency_key (FerryParams *self);
char        *ferry_params_encode     (FerryParams *self);
SoupMultipart *ferry_params_to_multipart (FerryParams *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FerryParams, ferry_params_unref)

G_END_DECLS
