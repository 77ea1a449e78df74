/* ferry-loopback-listener.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_LOOPBACK_LISTENER (ferry_loopback_listener_get_type ())

G_DECLARE_FINAL_TYPE (FerryLoopbackListener, ferry_loopback_listener, FERRY, LOOPBACK_LISTENER,
                      GObject)

FerryLoopbackListener *ferry_loopback_listener_new          (const char             *state,
                                                             guint16                 port,
                                                             GError                **error);
void                   ferry_loopback_listener_set_timeout  (FerryLoopbackListener  *self,
                                                             guint                   seconds);
const char            *ferry_loopback_listener_get_redirect_uri (FerryLoopbackListener *self);
const char            *ferry_loopback_listener_get_state    (FerryLoopbackListener  *self);
void                   ferry_loopback_listener_wait_async   (FerryLoopbackListener  *self,
                                                             GCancellable           *cancellable,
                                                             GAsyncReadyCallback     callback,
                                                             gpointer                user_data);
char                  *ferry_loopback_listener_wait_finish  (FerryLoopbackListener  *self,
                                                             GAsyncResult           *result,
                                                             GError                **error);

G_END_DECLS
